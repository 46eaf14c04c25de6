import type { InstrumentReporting } from '../instrument-reporting';

/**
 * How reports name Health Check v1's scales for a reader. Kept apart from the published definition
 * (whose content is fixed by its hash) so that report wording can improve without a new version.
 */
export const HEALTH_CHECK_V1_REPORTING: InstrumentReporting = {
  scales: {
    demands: {
      title: 'Manageable workload',
      about:
        'whether caseloads, hours, deadlines and the emotional load of the work feel manageable',
    },
    support: {
      title: 'Support',
      about: 'help from managers, supervision and colleagues, and feeling valued',
    },
    control: {
      title: 'Control and autonomy',
      about: 'having a say in how the work is organised and done',
    },
    wellbeing: {
      title: 'Wellbeing',
      about: 'coping, energy and being able to switch off from work',
    },
  },
};
