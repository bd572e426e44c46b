/** The time, passed in: the domain never reads the clock itself. */
export interface Clock {
  now(): Date;
}
