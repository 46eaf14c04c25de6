/** A text field of a submitted form; '' when it is missing (or, impossibly here, a file). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
