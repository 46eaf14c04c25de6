import { InitialSchema1795366140710 } from './1795366140710-initial-schema';

// Every migration in order; the api's DataSource lists them explicitly so builds and tests agree.
export const MIGRATIONS = [InitialSchema1795366140710];
