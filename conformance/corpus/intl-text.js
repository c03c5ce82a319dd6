// RT-6 Intl text (ICU): Collator (de, sv, numeric, sensitivity), localeCompare, PluralRules (en cardinal/ordinal, ru, ar), RelativeTimeFormat, Segmenter (word/grapheme/sentence, Thai dictionary), normalize NFD/NFC/NFKC, locale case mapping, ListFormat, DisplayNames, Locale, supportedLocalesOf.
export default {
  fetch() {
    return Response.json({
      collDe: ['Z', 'a', 'z', 'ä', 'Äpfel', 'Apfel'].sort(new Intl.Collator('de').compare).join(','),
      collSv: ['z', 'ä', 'a', 'ö', 'o'].sort(new Intl.Collator('sv').compare).join(','),
      collNum: ['item10', 'item2', 'item1'].sort(new Intl.Collator('en', { numeric: true }).compare).join(','),
      collBase: new Intl.Collator('en', { sensitivity: 'base' }).compare('a', 'Á'),
      plEn: [0, 1, 2, 5].map(n => new Intl.PluralRules('en-US').select(n)).join(','),
      plOrd: [1, 2, 3, 4, 11, 22].map(n => new Intl.PluralRules('en-US', { type: 'ordinal' }).select(n)).join(','),
      plRu: [1, 2, 5, 21].map(n => new Intl.PluralRules('ru').select(n)).join(','),
      plAr: [0, 1, 2, 3, 11, 100].map(n => new Intl.PluralRules('ar').select(n)).join(','),
      rtf: new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day') + '|' + new Intl.RelativeTimeFormat('en').format(3, 'hour') + '|' + new Intl.RelativeTimeFormat('es', { numeric: 'auto' }).format(1, 'day'),
      segWords: [...new Intl.Segmenter('en', { granularity: 'word' }).segment('Hello, world! 42')].filter(s => s.isWordLike).map(s => s.segment).join('|'),
      segGraph: [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment('e\u0301👨‍👩‍👧🇩🇪')].length,
      segTh: [...new Intl.Segmenter('th', { granularity: 'word' }).segment('สวัสดีครับ')].map(s => s.segment).join('|'),
      segSentence: [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment('Hi there. How are you? Fine!')].length,
      nfd: 'é'.normalize('NFD').length + ',' + 'e\u0301'.normalize('NFC').length + ',' + 'ﬁ'.normalize('NFKC'),
      lc: ['résumé', 'resume', 'Resume', 'zebra', 'Äpfel'].sort((a, b) => a.localeCompare(b)).join(','),
      lcDe: 'ä'.localeCompare('z', 'de') + ',' + 'ä'.localeCompare('z', 'sv'),
      upper: 'istanbul'.toLocaleUpperCase('tr-TR') + ',' + 'STRASSE'.toLocaleLowerCase('de'),
      list: new Intl.ListFormat('en', { type: 'conjunction' }).format(['a', 'b', 'c']) + '|' + new Intl.ListFormat('de', { type: 'disjunction' }).format(['x', 'y', 'z']),
      dn: new Intl.DisplayNames(['en'], { type: 'region' }).of('DE') + '|' + new Intl.DisplayNames(['de'], { type: 'language' }).of('fr') + '|' + new Intl.DisplayNames(['en'], { type: 'currency' }).of('JPY'),
      locale: new Intl.Locale('en-Latn-US', { calendar: 'gregory' }).toString() + '|' + new Intl.Locale('zh').maximize().toString(),
      supported: Intl.DateTimeFormat.supportedLocalesOf(['de-DE', 'fr-FR', 'xx-XX']).join(','),
    });
  },
};
