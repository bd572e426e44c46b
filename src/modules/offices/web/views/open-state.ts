import { formatLongDate } from '../../../../kernel/i18n/format.js';
import type { OpenState } from '../../app/read-model.js';
import { hhmm, localMoment } from '../../../../kernel/time/copenhagen-clock.js';
import type { View } from '../../../../platform/views/view.js';

/** "Open now, closes at 15:00", "Opens Thursday 26 November 2026 at 10:00", or "hours not known", in Danish time. */
export function openStateText(view: View, state: OpenState): string {
  const { t, lang } = view;
  if (state.status === 'open' && state.closesAt) return t('office.openNow', { time: hhmm(localMoment(state.closesAt).minutes) });
  if (state.nextOpening) return t('office.opens', { day: formatLongDate(state.nextOpening.date, lang), time: hhmm(state.nextOpening.minutes) });
  return t('office.hoursUnknown');
}
