import type { LaReport } from '@swhc/contracts';

/** One part of "How we worked this out": the statistics behind the plain words. */
export interface MethodNote {
  readonly heading: string;
  readonly text: string;
}

/** The statistics behind the report, for the page's "How we worked this out" and the PDF's. */
export function methodNotes(report: LaReport): MethodNote[] {
  const k = report.minimumGroupSize;
  const turned = report.scales.filter((s) => s.turnedRoundFrom !== null);
  return [
    {
      heading: 'Scores',
      text:
        'Each scale averages a person’s answers to its statements (a score needs at least four of the six), ' +
        'with statements worded the other way turned round, and rescales the average from the 1 to 5 answer ' +
        'scale to 0 to 100. A scale’s score is the mean of its people’s scores, with a 95% confidence interval ' +
        'from the t distribution.' +
        turned
          .map(
            (s) =>
              ` ${s.title} is the questionnaire’s ${s.turnedRoundFrom} scale turned round (100 minus its score), ` +
              'so that, like every other scale, a higher score is better.',
          )
          .join(''),
    },
    {
      heading: 'Better, similar or worse',
      text:
        'England and the region mean the responses of all other local authorities, without this one. A ' +
        'difference is called clear when Welch’s t-test gives a p-value below 0.05, which is when its 95% ' +
        'interval leaves out zero; otherwise the result is “similar”. The report, the CSV and the PDF use this ' +
        'one rule everywhere. For a statement the test compares the shares giving the favourable answer ' +
        '(each answer counted as 1 or 0). A region is shown only when at least 3 other local authorities in ' +
        'it responded.',
    },
    {
      heading: 'Change since the last wave',
      text:
        'A change is shown only where the survey measured the scale the same way in both waves ' +
        '(measurement invariance): one-factor models of the scale fitted to England’s responses in the two ' +
        'waves fit about as well when the loadings and then the intercepts are held equal (a fall in CFI of ' +
        'no more than 0.01 and a rise in RMSEA of no more than 0.015 at each step; Chen 2007). The size of a ' +
        'change is given as Hedges’ g: about 0.2 is small, 0.5 medium and 0.8 large.',
    },
    {
      heading: 'How reliable the scales are',
      text:
        'Cronbach’s alpha shows how well a scale’s statements hang together in this local authority’s ' +
        'responses: 0.7 or more is usually taken as acceptable and 0.8 or more as good.',
    },
    {
      heading: 'What goes with intention to stay',
      text:
        'A regression of how likely people say they are to stay on the four scale scores, with R² (the share ' +
        'of the differences between people it explains) divided between the scales by Shapley values (the ' +
        'LMG method: each scale’s average contribution over every order of adding them). It uses this ' +
        'local authority’s responses when at least 100 people answered everything, otherwise England’s. ' +
        'It shows what goes together, not what causes what.',
    },
    {
      heading: 'Compared with every local authority',
      text:
        'The funnel plot shows every local authority with at least the minimum number of responses against ' +
        'England’s average, with the limits expected by chance for each size (95% and 99.8%; Spiegelhalter ' +
        '2005). It shows how widely local authorities vary; the verdict on this local authority is the ' +
        'comparison above, which also allows for how much answers vary within it.',
    },
    {
      heading: 'Keeping answers anonymous',
      text:
        `Nothing is shown for a group of fewer than ${k} people, and a group that would let someone work out ` +
        `a smaller group by subtracting shown groups is hidden too. A statement’s answers are shown as agree, ` +
        `neither and disagree; when that could reveal how fewer than ${k} people answered, as favourable ` +
        'against the rest; and otherwise not at all.',
    },
  ];
}
