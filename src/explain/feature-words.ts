/**
 * A feature name in plain words, for tables and per-lead reasons a seller can read:
 * `timeframe=0-3 months` → "timeframe is 0-3 months", `employees__missing` → "employees
 * unknown", `events.pageType=pricing` → "visits to pricing pages".
 */
export function describeFeature(name: string): string {
  const field = (s: string) => s.replace(/_/g, ' ');
  let m = /^(.*)=__missing__$/.exec(name);
  if (m) return `${field(m[1])} not answered`;
  m = /^(.*)=__other__$/.exec(name);
  if (m) return `${field(m[1])} is an uncommon value`;
  m = /^(.*)__missing$/.exec(name);
  if (m) return `${field(m[1])} unknown`;
  m = /^(.*)__target$/.exec(name);
  if (m) return `conversion rate of similar ${field(m[1])} values`;
  m = /^(.*)__frequency$/.exec(name);
  if (m) return `how common the ${field(m[1])} is`;
  m = /^(.*)__hash(\d+)$/.exec(name);
  if (m) return `${field(m[1])} (hashed bucket ${m[2]})`;
  m = /^events\.type=(.*)$/.exec(name);
  if (m) return `${field(m[1])} events`;
  m = /^events\.channel=(.*)$/.exec(name);
  if (m) return `touchpoints via ${m[1]}`;
  m = /^events\.sessionShare\.channel=(.*)$/.exec(name);
  if (m) return `share of visits from ${m[1]}`;
  m = /^events\.pageType=(.*)$/.exec(name);
  if (m) return `visits to ${m[1]} pages`;
  m = /^events\.theme=(.*)$/.exec(name);
  if (m) return `interest in ${m[1]} content`;
  m = /^path\.slot(\d+)\.channel=(.*)$/.exec(name);
  if (m) return `touchpoint ${m[1]} came via ${m[2]}`;
  m = /^path\.slot(\d+)\.pageType=(.*)$/.exec(name);
  if (m) return `touchpoint ${m[1]} was a ${m[2]} page`;
  m = /^text\.tfidf=(.*)$/.exec(name);
  if (m) return `read about "${m[1]}"`;
  m = /^(.*)\.has=(.*)$/.exec(name);
  if (m) return `${field(m[1])} includes ${m[2]}`;
  m = /^created\.day=(.*)$/.exec(name);
  if (m) return `created on a ${m[1]}`;
  m = /^(.*)=(.*)$/.exec(name);
  if (m) return `${field(m[1])} is ${m[2]}`;
  const fixed: Record<string, string> = {
    'form.missingShare': 'share of form questions left blank',
    'enrichment.coverage': 'share of company data known',
    'events.count': 'number of touchpoints',
    'events.none': 'no web activity',
    'events.distinctPages': 'distinct pages visited',
    'events.timeOnSite': 'time on the website',
    'events.sessions': 'number of visits',
    'events.hoursToFirstFormFill': 'hours until the first form fill',
    'events.noFormFill': 'never filled a form',
    'events.daysFirstToLast': 'days between first and last touchpoint',
    'events.daysCreatedToFirst': 'days from creation to first touchpoint',
    'events.daysSinceLast': 'days since the last touchpoint',
    'created.hour': 'hour the lead came in',
    created__missing: 'creation time unknown',
    'lead.ageDays': 'age of the lead in days',
  };
  return fixed[name] ?? field(name);
}

/** Whether a feature is an indicator (0/1) by its name: one-hot levels, missing flags, list items, path slots. */
export function isIndicatorName(name: string): boolean {
  return (
    /=|__missing$|\.has=|^events\.none$|^events\.noFormFill$|^created__missing$/.test(name) &&
    !/^text\.tfidf=|^events\.(type|channel|pageType|theme|sessionShare)/.test(name)
  );
}
