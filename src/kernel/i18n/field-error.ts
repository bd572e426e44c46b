/** A problem with one field of what a person sent: a message code and what the message needs, put into words by the web. */
export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}
