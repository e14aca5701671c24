/**
 * The email edition's stylesheet, inlined into each element by src/email/inlineEmail.ts.
 * Email clients know no logical properties (Outlook, Gmail): instead of them, nothing here
 * names a side. Spacing is symmetric, borders run above and below (the block direction, the
 * same in both scripts), and alignment follows `dir`, so the Arabic edition mirrors as the
 * site does. One column of at most 600 px (what every client shows without scrolling
 * sideways); colours set on every block, so a client's dark mode or a missing image changes
 * nothing that matters; system fonts only.
 */
export const EMAIL_CSS = `
body { margin: 0; padding: 0; background-color: #f4f2ee; }
.email-frame { padding: 16px 8px; background-color: #f4f2ee; }
.email { max-width: 600px; margin: 0 auto; background-color: #ffffff; color: #161616; font-family: Georgia, "Times New Roman", serif; font-size: 17px; line-height: 1.5; }
.email-ar { font-family: Tahoma, "Segoe UI", Arial, sans-serif; }
.email-header { padding: 24px 24px 12px; border-bottom: 3px solid #161616; }
.email-agency { display: inline-block; margin: 0; padding: 2px 8px; background-color: #a4001d; color: #ffffff; font-family: Arial, Helvetica, sans-serif; font-size: 14px; font-weight: bold; }
.email-name { margin: 8px 0 0; color: #161616; font-size: 28px; line-height: 1.15; }
.email-date { margin: 4px 0 0; color: #4a4a4a; font-family: Arial, Helvetica, sans-serif; font-size: 15px; }
.email-stories { padding: 0 24px; }
.email-story { padding: 20px 0; border-bottom: 1px solid #d6d2ca; }
.email-story h2 { margin: 0 0 6px; font-size: 22px; line-height: 1.25; }
.email-story h2 a { color: #161616; text-decoration: none; }
.email-meta { margin: 0 0 10px; color: #4a4a4a; font-family: Arial, Helvetica, sans-serif; font-size: 14px; }
.email-live { display: inline-block; padding: 0 6px; background-color: #fff1c2; color: #161616; font-weight: bold; }
.email-image { display: block; width: 100%; max-width: 552px; height: auto; margin: 0 0 10px; border: 0; background-color: #f4f2ee; color: #4a4a4a; font-size: 14px; }
.email-summary { margin: 0 0 10px; }
.email-more { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 15px; }
.email-more a, .email-footer a { color: #0b4f8a; text-decoration: underline; }
.email-footer { padding: 20px 24px 28px; color: #4a4a4a; font-family: Arial, Helvetica, sans-serif; font-size: 14px; }
.email-footer p { margin: 0 0 6px; }
@media (max-width: 480px) {
  .email-frame { padding: 0 !important; }
  .email-header, .email-footer { padding: 16px 16px 12px !important; }
  .email-stories { padding: 0 16px !important; }
  .email-name { font-size: 24px !important; }
}
`;
