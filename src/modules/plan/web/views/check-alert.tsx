/** "Please check": a DKFDS warning with what is uncertain about a step and a link to the official page. */
import { Icon } from '../../../../platform/views/icon.js';
import type { View } from '../../../../platform/views/view.js';

export function CheckAlert({ view, check }: { view: View; check: { text: string; url: string } }) {
  const { t } = view;
  return (
    <div class="alert alert-warning alert--paragraph">
      <Icon name="warning" label={t('plan.check')} />
      <div class="alert-body">
        <p class="alert-heading" safe>{t('plan.check')}</p>
        <p class="alert-text"><span safe>{check.text}</span> <a href={check.url} rel="noreferrer" safe>{t('plan.check.link')}</a></p>
      </div>
    </div>
  );
}
