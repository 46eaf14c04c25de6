/** Base class of every error the library throws; messages are stable and say what was wrong. */
export class PsychometricsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
