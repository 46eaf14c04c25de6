import { longLondonDateTime, SERVICE_NAMES, type ServiceKind } from '@swhc/contracts';

/** "children’s services" in a sentence. */
export const serviceInSentence = (service: ServiceKind) =>
  SERVICE_NAMES[service].replace(/^./, (c) => c.toLowerCase());

/** The anonymity promise, in plain words, for the poster and the message. */
export function anonymityPromise(organisation: string, k: number): string {
  return (
    `It is anonymous: nobody at ${organisation} can see who answered or what any one person said. ` +
    `Results are only ever shown for groups of ${k} or more people.`
  );
}

/** A message a PSW can paste into an email or onto the intranet. */
export function invitationMessage(input: {
  organisation: string;
  service: ServiceKind;
  wave: string;
  closesAt: string;
  url: string;
  k: number;
}): string {
  return [
    `Subject: ${input.wave}: tell us what work is like for you`,
    '',
    `Our ${serviceInSentence(input.service)} are taking part in the Social Work Health Check, a national survey of how social workers are doing at work. It takes about 10 minutes.`,
    '',
    anonymityPromise(input.organisation, input.k),
    '',
    `Please answer by ${longLondonDateTime(new Date(input.closesAt))}:`,
    input.url,
    '',
    'You can answer on a phone, a tablet or a computer. Thank you for taking part.',
  ].join('\n');
}
