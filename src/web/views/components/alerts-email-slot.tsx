/**
 * The place of the email newsletter on the alerts page (/alerts): empty
 * for now. The NEWSLETTER-SUBS part of issue 20 renders its subscription
 * form (email, «النشرة اليومية», «الأخبار العاجلة») here, in place of
 * this component, so that a reader finds every way to hear from the site
 * on one page.
 */
import type { PageContext } from '../page-context.js';

export function AlertsEmailSlot(_props: { ctx: PageContext }) {
  return null;
}
