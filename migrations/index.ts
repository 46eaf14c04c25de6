import { InitialSchema1795366140710 } from './1795366140710-initial-schema';
import { StaffSessionsAuditSettings1795366451115 } from './1795366451115-staff-sessions-audit-settings';
import { LoginThrottleRefusedAttempts1796576408043 } from './1796576408043-login-throttle-refused-attempts';
import { PollingPanel1796577433020 } from './1796577433020-polling-panel';
import { WavesEnrolmentReplacedLinks1796583227938 } from './1796583227938-waves-enrolment-replaced-links';
import { ResearchExports1796584768423 } from './1796584768423-research-exports';
import { ValidationReports1796587656002 } from './1796587656002-validation-reports';
import { WorkforceMargins1796598861256 } from './1796598861256-workforce-margins';
import { ResearchExportPolls1796608955617 } from './1796608955617-research-export-polls';

// Every migration in order; the api's DataSource lists them explicitly so builds and tests agree.
export const MIGRATIONS = [
  InitialSchema1795366140710,
  StaffSessionsAuditSettings1795366451115,
  LoginThrottleRefusedAttempts1796576408043,
  PollingPanel1796577433020,
  WavesEnrolmentReplacedLinks1796583227938,
  ResearchExports1796584768423,
  ValidationReports1796587656002,
  WorkforceMargins1796598861256,
  ResearchExportPolls1796608955617,
];
