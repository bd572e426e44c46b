import { Layout } from '../../../../platform/views/layout.js';
import { href, type View } from '../../../../platform/views/view.js';

export function HomePage({ view }: { view: View }) {
  const { t } = view;
  return (
    <Layout view={view} title={t('home.title')}>
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1 safe>{t('home.title')}</h1>
          <p class="font-lead" safe>{t('home.lead')}</p>
          <p safe>{t('home.for')}</p>
          <p><a class="button button-primary button-start" href={href(view, '/plan/citizenship')} safe>{t('home.start')}</a></p>
          <h2 safe>{t('home.before.title')}</h2>
          <p safe>{t('home.before.text')}</p>
          <h2 safe>{t('home.guides.title')}</h2>
          <p><span safe>{t('home.guides.text')}</span> <a href={href(view, '/steps')} safe>{t('nav.steps')}</a></p>
        </div>
      </div>
    </Layout>
  );
}
