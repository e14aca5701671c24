/** Every word the interface prints, per language: layouts never hard-code a label. */
export interface UiStrings {
  skipToContent: string;
  primaryNav: string;
  latest: string;
  people: string;
  topics: string;
  search: string;
  archive: string;
  published: string;
  updated: string;
  by: string;
  inThisStory: string;
  corrections: string;
  correctionsTitle: string;
  correctionsIntro: string;
  noCorrections: string;
  previousArticle: string;
  nextArticle: string;
  articleNav: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  /** An archive page of a listing, counted from the oldest. */
  pageNumber: (n: number) => string;
  articleCount: (n: number) => string;
  articlesAbout: (name: string) => string;
  peopleIndexIntro: string;
  topicsIndexIntro: string;
  dayTitle: (day: string) => string;
  monthTitle: (month: string) => string;
  yearTitle: (year: string) => string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  feed: string;
  feedOf: (name: string) => string;
  /** The footer's links to the edition's feeds. */
  atomFeed: string;
  jsonFeed: string;
  draft: string;
  scheduled: string;
  /** An article's date when it is a draft or scheduled (previews), where a published one says `published`. */
  draftDated: string;
  scheduledFor: string;
  /**
   * The preview's notice on top of each page (src/pages/previewNotice.ts picks the one true of
   * the page): the preview as a whole; a draft or scheduled article; a page showing stories
   * not published yet; a page that exists only because of them (naming the story when one).
   */
  previewNotice: string;
  previewDraftArticle: string;
  previewScheduledArticle: string;
  previewShowsUnpublished: string;
  previewPageAwaits: (title: string) => string;
  previewPageUnpublished: string;
  /**
   * The preview's overlay while a saved file has errors (src/preview/liveClient.js): its
   * heading, what it means, how many more problems the terminal lists (`{n}`), its close button.
   */
  previewProblemsTitle: string;
  previewProblemsNote: string;
  previewProblemsMore: string;
  dismiss: string;
  relatedStories: string;
  appearsWith: string;
  timeline: string;
  /** The link from an article to its translation; `language` is that language's name in this one. */
  readIn: (language: string) => string;
  /** This language's own name for itself, for links to this edition. */
  languageName: string;
  noArticles: string;
  footerNote: (agency: string) => string;
  searchPlaceholder: string;
  searchNoScript: string;
  months: string;
  days: string;
  /** The wire dateline that leads an article's first paragraph. */
  dateline: (place: string, agency: string) => string;
  /** The edition switcher's label, in this edition's language. */
  otherEditions: string;
  /** Readers' pages: home front, related stories, images, search. */
  moreNews: string;
  sharedArticles: (n: number) => string;
  imageCredit: (credit: string) => string;
  searchTitle: string;
  searchIntro: string;
  sortBy: string;
  sortRelevance: string;
  sortNewest: string;
  sortOldest: string;
  anyPerson: string;
  anyTopic: string;
  searching: string;
  /** `{n}` stands for the number; JavaScript fills it in on the search page. */
  searchResults: { one: string; other: string };
  noResults: string;
  moreResults: string;
  searchUnavailable: string;
  /** The newsroom's page: breaking banner, edited front page, live stories, the day's email. */
  breaking: string;
  breakingNews: string;
  topStories: string;
  live: string;
  liveUpdates: string;
  lastUpdate: string;
  liveEnded: string;
  emailEdition: string;
  emailEditionIntro: string;
  emailHtml: string;
  emailText: string;
  emailReadStory: string;
  emailViewOnline: string;
}

export const en: UiStrings = {
  skipToContent: "Skip to content",
  primaryNav: "Sections",
  latest: "Latest",
  people: "People",
  topics: "Topics",
  search: "Search",
  archive: "Archive",
  published: "Published",
  updated: "Updated",
  by: "By",
  inThisStory: "In this story",
  corrections: "Corrections",
  correctionsTitle: "Corrections",
  correctionsIntro: "Corrections and clarifications published on the bulletin's articles, newest first.",
  noCorrections: "No corrections have been published.",
  previousArticle: "Previous article",
  nextArticle: "Next article",
  articleNav: "More from the bulletin",
  pagination: "Pages",
  previousPage: "Newer",
  nextPage: "Older",
  pageNumber: (n) => `Page ${n}`,
  articleCount: (n) => (n === 1 ? "1 article" : `${n} articles`),
  articlesAbout: (name) => `Articles about ${name}`,
  peopleIndexIntro: "Everyone named in the bulletin, with the number of articles about them.",
  topicsIndexIntro: "Every topic the bulletin covers, with the number of articles.",
  dayTitle: (day) => `Bulletin of ${day}`,
  monthTitle: (month) => `Archive: ${month}`,
  yearTitle: (year) => `Archive: ${year}`,
  notFoundTitle: "Page not found",
  notFoundText: "The page you asked for is not in the bulletin. It may have moved, or the address may be mistyped.",
  backHome: "Go to the latest news",
  feed: "Feed",
  feedOf: (name) => `${name}: Atom feed`,
  atomFeed: "Atom feed",
  jsonFeed: "JSON Feed",
  draft: "Draft",
  scheduled: "Scheduled",
  draftDated: "Draft, dated",
  scheduledFor: "Scheduled for",
  previewNotice: "Preview: drafts and scheduled stories are included; the published site leaves them out.",
  previewDraftArticle: "Preview: this article is a draft; it is not published.",
  previewScheduledArticle: "Preview: this article is scheduled; it is not published yet.",
  previewShowsUnpublished: "Preview: this page shows stories that are not published yet; the published page leaves them out.",
  previewPageAwaits: (title) => `Preview: this page will not exist until “${title}” is published.`,
  previewPageUnpublished: "Preview: this page is here only because of stories that are not published yet; the published site does not have it.",
  previewProblemsTitle: "Not updated: a saved file has a problem",
  previewProblemsNote: "This page is the last good version. Fix the file and save it: this message goes away by itself.",
  previewProblemsMore: "{n} more in the terminal.",
  dismiss: "Dismiss",
  relatedStories: "Related stories",
  appearsWith: "Appears with",
  timeline: "Timeline",
  readIn: (language) => `Read in ${language}`,
  languageName: "English",
  noArticles: "No articles yet.",
  footerNote: (agency) => `News from ${agency}.`,
  searchPlaceholder: "Search the bulletin",
  searchNoScript: "Search needs JavaScript. Browse by people, topics or date instead.",
  months: "Months",
  days: "Days",
  dateline: (place, agency) => `${place}, ${agency} –`,
  otherEditions: "Other editions",
  moreNews: "More news",
  sharedArticles: (n) => (n === 1 ? "1 article together" : `${n} articles together`),
  imageCredit: (credit) => `Image: ${credit}`,
  searchTitle: "Search",
  searchIntro: "Search every article of the bulletin; narrow the results by person or topic.",
  sortBy: "Sort results",
  sortRelevance: "Best match",
  sortNewest: "Newest first",
  sortOldest: "Oldest first",
  anyPerson: "Anyone",
  anyTopic: "Any topic",
  searching: "Searching…",
  searchResults: { one: "1 article found", other: "{n} articles found" },
  noResults: "No article matches. Try other words, or fewer filters.",
  moreResults: "More results",
  searchUnavailable: "Search is not available right now. Browse by people, topics or date instead.",
  breaking: "Breaking",
  breakingNews: "Breaking news",
  topStories: "Top stories",
  live: "Live",
  liveUpdates: "Live updates",
  lastUpdate: "Last update",
  liveEnded: "Live coverage has ended",
  emailEdition: "By email",
  emailEditionIntro: "This day's bulletin, ready to send by email:",
  emailHtml: "HTML edition",
  emailText: "plain-text edition",
  emailReadStory: "Read the story",
  emailViewOnline: "Read this bulletin on the web",
};

export const ar: UiStrings = {
  skipToContent: "انتقل إلى المحتوى",
  primaryNav: "الأقسام",
  latest: "آخر الأخبار",
  people: "شخصيات",
  topics: "مواضيع",
  search: "بحث",
  archive: "الأرشيف",
  published: "نُشر",
  updated: "حُدّث",
  by: "بقلم",
  inThisStory: "في هذا الخبر",
  corrections: "تصحيحات",
  correctionsTitle: "التصحيحات",
  correctionsIntro: "التصحيحات والتوضيحات المنشورة على أخبار النشرة، الأحدث أولاً.",
  noCorrections: "لم تُنشر أي تصحيحات.",
  previousArticle: "الخبر السابق",
  nextArticle: "الخبر التالي",
  articleNav: "المزيد من النشرة",
  pagination: "الصفحات",
  previousPage: "الأحدث",
  nextPage: "الأقدم",
  pageNumber: (n) => `الصفحة ${n}`,
  articleCount: (n) => `${n} ${n === 1 ? "خبر" : n === 2 ? "خبران" : n <= 10 ? "أخبار" : "خبراً"}`,
  articlesAbout: (name) => `أخبار عن ${name}`,
  peopleIndexIntro: "كل من ورد اسمه في النشرة، مع عدد الأخبار عنه.",
  topicsIndexIntro: "كل المواضيع التي تغطيها النشرة، مع عدد الأخبار.",
  dayTitle: (day) => `نشرة ${day}`,
  monthTitle: (month) => `الأرشيف: ${month}`,
  yearTitle: (year) => `الأرشيف: ${year}`,
  notFoundTitle: "الصفحة غير موجودة",
  notFoundText: "الصفحة المطلوبة ليست في النشرة. ربما نُقلت أو أن العنوان مكتوب بشكل خاطئ.",
  backHome: "اذهب إلى آخر الأخبار",
  feed: "خلاصة",
  feedOf: (name) => `${name}: خلاصة Atom`,
  atomFeed: "خلاصة Atom",
  jsonFeed: "خلاصة JSON",
  draft: "مسودة",
  scheduled: "مجدول",
  draftDated: "مسودة بتاريخ",
  scheduledFor: "مجدول للنشر في",
  previewNotice: "معاينة: تظهر هنا المسودات والأخبار المجدولة، ولا يتضمنها الموقع المنشور.",
  previewDraftArticle: "معاينة: هذا الخبر مسودة، وهو غير منشور.",
  previewScheduledArticle: "معاينة: هذا الخبر مجدول، ولم يُنشر بعد.",
  previewShowsUnpublished: "معاينة: تعرض هذه الصفحة أخباراً لم تُنشر بعد، ولا تتضمنها الصفحة المنشورة.",
  previewPageAwaits: (title) => `معاينة: لن توجد هذه الصفحة قبل نشر «${title}».`,
  previewPageUnpublished: "معاينة: هذه الصفحة موجودة بسبب أخبار لم تُنشر بعد، ولا يتضمنها الموقع المنشور.",
  previewProblemsTitle: "لم تُحدَّث المعاينة: في ملف محفوظ مشكلة",
  previewProblemsNote: "هذه الصفحة آخر نسخة سليمة. صحّح الملف واحفظه، وستختفي هذه الرسالة تلقائياً.",
  previewProblemsMore: "مشكلات أخرى في الطرفية: {n}",
  dismiss: "إغلاق",
  relatedStories: "أخبار ذات صلة",
  appearsWith: "يظهر مع",
  timeline: "التسلسل الزمني",
  readIn: (language) => `اقرأ ب${language}`,
  languageName: "العربية",
  noArticles: "لا توجد أخبار بعد.",
  footerNote: (agency) => `أخبار من ${agency}.`,
  searchPlaceholder: "ابحث في النشرة",
  searchNoScript: "يحتاج البحث إلى JavaScript. تصفح حسب الشخصيات أو المواضيع أو التاريخ.",
  months: "الأشهر",
  days: "الأيام",
  dateline: (place, agency) => `${place}-${agency}`,
  otherEditions: "طبعات أخرى",
  moreNews: "مزيد من الأخبار",
  sharedArticles: (n) => (n === 1 ? "خبر واحد معاً" : n === 2 ? "خبران معاً" : `${n} ${n <= 10 ? "أخبار" : "خبراً"} معاً`),
  imageCredit: (credit) => `الصورة: ${credit}`,
  searchTitle: "البحث",
  searchIntro: "ابحث في كل أخبار النشرة، وضيّق النتائج حسب الشخصية أو الموضوع.",
  sortBy: "ترتيب النتائج",
  sortRelevance: "الأكثر صلة",
  sortNewest: "الأحدث أولاً",
  sortOldest: "الأقدم أولاً",
  anyPerson: "الجميع",
  anyTopic: "كل المواضيع",
  searching: "جارٍ البحث…",
  searchResults: { one: "وُجد خبر واحد", other: "عدد الأخبار: {n}" },
  noResults: "لا يوجد خبر مطابق. جرّب كلمات أخرى أو عدداً أقل من المرشحات.",
  moreResults: "مزيد من النتائج",
  searchUnavailable: "البحث غير متاح الآن. تصفح حسب الشخصيات أو المواضيع أو التاريخ.",
  breaking: "عاجل",
  breakingNews: "خبر عاجل",
  topStories: "أبرز الأخبار",
  live: "مباشر",
  liveUpdates: "التحديثات المباشرة",
  lastUpdate: "آخر تحديث",
  liveEnded: "انتهت التغطية المباشرة",
  emailEdition: "بالبريد الإلكتروني",
  emailEditionIntro: "نشرة هذا اليوم جاهزة للإرسال بالبريد الإلكتروني:",
  emailHtml: "نسخة HTML",
  emailText: "نسخة نصية",
  emailReadStory: "اقرأ الخبر",
  emailViewOnline: "اقرأ هذه النشرة على الموقع",
};

const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

/**
 * The strings of an edition whose numbers are written in `numberingSystem`: a label made
 * from numbers only (page 2 of 5, 3 articles) gets the edition's digits; a label made from
 * a name is left alone, whatever digits the name holds.
 */
export function stringsWithDigits(strings: UiStrings, numberingSystem: string | undefined): UiStrings {
  if (numberingSystem !== "arab") return strings;
  const localise = (text: string) => text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(strings)) {
    wrapped[key] =
      typeof value === "function"
        ? (...args: unknown[]) => {
            const text = (value as (...a: unknown[]) => string)(...args);
            return args.every((a) => typeof a === "number") ? localise(text) : text;
          }
        : value;
  }
  return wrapped as unknown as UiStrings;
}
