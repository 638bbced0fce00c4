import { colors, type Figure, makeLayout } from './figure.js';

export interface StageCount {
  stage: string;
  count: number;
}

/** A funnel of leads by the stage they reached (widest first). */
export function funnelChart(stages: readonly StageCount[], title = 'Funnel: leads by stage reached'): Figure {
  return {
    data: [
      {
        type: 'funnel',
        y: stages.map((s) => s.stage),
        x: stages.map((s) => s.count),
        textinfo: 'value+percent initial',
        marker: { color: colors.series.slice(0, stages.length) },
      },
    ],
    layout: makeLayout({ title, extra: { showlegend: false, margin: { l: 120, r: 30, t: 60, b: 40 } } }),
  };
}
