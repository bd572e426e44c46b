import { Layout } from './layout.js';
import { href, type View } from './view.js';

export function ErrorPage({ view, title, text }: { view: View; title: string; text: string }) {
  return (
    <Layout view={view} title={title}>
      <h1 safe>{title}</h1>
      <p class="font-lead" safe>{text}</p>
      <p><a href={href(view, '/')} safe>{view.t('home.link')}</a></p>
    </Layout>
  );
}
