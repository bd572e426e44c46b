import type { Children } from '@kitajs/html';
import { Icon } from './icon.js';
import { href, type View } from './view.js';

interface LayoutProps {
  view: View;
  title: string;
  hasErrors?: boolean;
  children?: Children;
}

export function Layout({ view, title, hasErrors = false, children }: LayoutProps) {
  const { t, lang } = view;
  const fullTitle = `${hasErrors ? t('title.error.prefix') : ''}${title} - ${t('service.name')}`;
  return (
    <>
      {'<!DOCTYPE html>'}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          <meta name="description" content={t('home.lead')} />
          <link rel="stylesheet" href="/dkfds/css/dkfds.min.css" />
          <link rel="stylesheet" href="/assets/app.css" />
        </head>
        <body>
          <a class="skipnav" href="#main-content" safe>{t('skip.link')}</a>
          <header class="header">
            <div class="portal-info">
              <div class="portal-info-inner container">
                <a href={href(view, '/')} class="logo ics-logo">
                  <span safe>{t('service.short')}</span>
                </a>
                <nav class="lang-switch d-print-none" aria-label={t('lang.switch.label')}>
                  <Icon name="language" />
                  <ul>
                    {view.langLinks.map((link) => (
                      <li><a class="lang-link d-print-none" href={link.href} lang={link.lang} hreflang={link.lang} safe>{link.name}</a></li>
                    ))}
                  </ul>
                </nav>
              </div>
            </div>
            <div class="solution-info">
              <div class="solution-info-inner container">
                <div class="solution-heading">
                  <a href={href(view, '/')} safe>{t('service.name')}</a>
                </div>
                <nav class="service-nav d-print-none" aria-label={t('nav.main')}>
                  <ul class="nobullet-list inline-nav">
                    <li><a href={href(view, '/plan/citizenship')} safe>{t('nav.plan')}</a></li>
                    <li><a href={href(view, '/offices')} safe>{t('nav.offices')}</a></li>
                    <li><a href={href(view, '/book')} safe>{t('nav.book')}</a></li>
                    <li><a href={href(view, '/steps')} safe>{t('nav.steps')}</a></li>
                  </ul>
                </nav>
              </div>
            </div>
          </header>
          <div class="container page-container">
            <main id="main-content" tabindex="-1">{children}</main>
          </div>
          <footer>
            <div class="footer">
              <div class="container">
                <p class="footer-text" safe>{t('footer.privacy')}</p>
                <p class="footer-text" safe>{t('footer.sources')}</p>
                <p class="footer-text" safe>{t('footer.notadvice')}</p>
                <ul class="unstyled-list inline-list d-print-none">
                  <li><a href={href(view, '/steps')} safe>{t('nav.steps')}</a></li>
                  <li><a href="/api/openapi.json" safe>{t('footer.api')}</a></li>
                </ul>
                <p class="footer-text small-text" safe>{t('footer.attribution')}</p>
              </div>
            </div>
          </footer>
          <script src="/dkfds/js/dkfds.min.js"></script>
          <script src="/assets/app.js"></script>
        </body>
      </html>
    </>
  );
}
