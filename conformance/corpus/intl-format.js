// RT-6 Intl formatting (ICU): DateTimeFormat with explicit time zones (New York winter/summer, UTC, Tokyo), formatToParts, NumberFormat currency/percent/compact/unit/en-IN grouping, toLocaleString in de-DE/fr-FR. Fixed dates; outputs chosen to be the same on ICU 74 and 78.
export default {
  fetch() {
    const d = new Date(Date.UTC(2024, 0, 15, 17, 4, 5, 123));
    return Response.json({
      dtfNY: new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d),
      dtfUTC: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'long' }).format(d),
      dtfDe: new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', dateStyle: 'medium' }).format(d),
      dtfJa: new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(d),
      dtfParts: new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d).map(p => p.type + ':' + p.value).join('|'),
      dtfResolved: new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York' }).resolvedOptions().timeZone,
      summer: new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'short', hour: 'numeric' }).format(new Date(Date.UTC(2024, 6, 1, 12))),
      nfCurUS: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(1234567.891),
      nfCurDe: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234567.891),
      nfCurJa: new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(1234567.891),
      nfPct: new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(0.4567),
      nfCompact: new Intl.NumberFormat('en-US', { notation: 'compact' }).format(1234567),
      nfCompactLong: new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }).format(2500),
      nfUnit: new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer-per-hour' }).format(88),
      nfIn: new Intl.NumberFormat('en-IN').format(12345678.9),
      toLocDe: (1234567.891).toLocaleString('de-DE'),
      toLocFr: (1234.5).toLocaleString('fr-FR'),
      dateLocDe: d.toLocaleString('de-DE', { timeZone: 'UTC' }),
      dateLocUS: d.toLocaleDateString('en-US', { timeZone: 'UTC' }),
    });
  },
};
