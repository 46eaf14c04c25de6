import {
  longLondonDateTime,
  type RunEnrolment,
  type RunWave,
  SERVICE_NAMES,
} from '@swhc/contracts';
import { useState } from 'react';
import { Link, useFetcher } from 'react-router';
import { surveyUrl } from '../../app/survey-url';
import { SummaryList, TextareaField, TextField } from '../../ui';
import { CopyButton } from './copy-button';
import { useQrImages } from './qr-code';
import { everyDay, ResponsesByDay } from './responses-by-day';
import { invitationMessage } from './run-words';
import type { action } from './run-page';

const percent = (value: number) => `${Math.round(value)}%`;

/** One enrolled service of a wave: its link, QR code, poster, message, headcount and counts. */
export function EnrolmentPanel({
  gssCode,
  organisation,
  wave,
  enrolment,
  k,
}: {
  gssCode: string;
  organisation: string;
  wave: RunWave;
  enrolment: RunEnrolment;
  k: number;
}) {
  const { service, code } = enrolment;
  const id = `${wave.id}-${service}`;
  const url = surveyUrl(code);
  const qr = useQrImages(url);
  const name = SERVICE_NAMES[service];
  const fileStem = `health-check-${gssCode.toLowerCase()}-${service}`;
  const message = invitationMessage({
    organisation,
    service,
    wave: wave.name,
    closesAt: wave.closesAt,
    url,
    k,
  });
  const live = wave.state === 'open' || wave.state === 'scheduled';

  return (
    <section className="app-run-service" aria-labelledby={`${id}-title`}>
      <h3 className="app-heading-m" id={`${id}-title`}>
        {name}
      </h3>
      {wave.state === 'closed' ? (
        <ClosedCounts gssCode={gssCode} wave={wave} enrolment={enrolment} />
      ) : (
        <>
          <h4 className="app-heading-s">Your link</h4>
          <p className="app-body">
            Share this link with the social workers of your {name.toLowerCase()}. Everyone uses the
            same link; it says nothing about who answers.
          </p>
          <p className="app-link-box">
            <code className="app-code" id={`${id}-link`}>
              {url}
            </code>
          </p>
          <CopyButton text={url} label="link" selectId={`${id}-link`} />

          <h4 className="app-heading-s">QR code</h4>
          {qr ? (
            <>
              <img
                className="app-qr"
                src={qr.svg}
                width="200"
                height="200"
                alt={`QR code that opens ${url}`}
                data-testid="qr-code"
              />
              <ul className="app-list">
                <li>
                  <a href={qr.svg} download={`${fileStem}-qr.svg`}>
                    Download the QR code as SVG
                    <span className="app-visually-hidden"> for {name}</span>
                  </a>{' '}
                  (for print)
                </li>
                <li>
                  <a href={qr.png} download={`${fileStem}-qr.png`} data-testid="qr-png">
                    Download the QR code as PNG
                    <span className="app-visually-hidden"> for {name}</span>
                  </a>{' '}
                  (for slides and documents)
                </li>
              </ul>
            </>
          ) : (
            <p className="app-body">Making the QR code…</p>
          )}
          <p className="app-body">
            <Link to={`/la/${gssCode}/survey/poster?wave=${wave.id}&service=${service}`}>
              Print a poster<span className="app-visually-hidden"> for {name}</span>
            </Link>{' '}
            with the link, the QR code, the closing date and the promise of anonymity (A4).
          </p>

          <h4 className="app-heading-s">A message to send</h4>
          <TextareaField
            id={`${id}-message`}
            label={`Email or intranet message for ${name.toLowerCase()}`}
            hint="Paste it into an email or onto your intranet, and change it as you like."
            value={message}
            rows={12}
          />
          <CopyButton text={message} label="message" selectId={`${id}-message`} />

          {live ? <LiveCounts gssCode={gssCode} wave={wave} enrolment={enrolment} /> : null}
        </>
      )}
    </section>
  );
}

/** One LA service's enrolment in a wave, as the parts of its panel are given it. */
interface EnrolmentOfWave {
  gssCode: string;
  wave: RunWave;
  enrolment: RunEnrolment;
}

function Headcount({ gssCode, wave, enrolment }: EnrolmentOfWave) {
  const fetcher = useFetcher<typeof action>();
  const [value, setValue] = useState(enrolment.responses.headcount?.toString() ?? '');
  const id = `headcount-${wave.id}-${enrolment.service}`;
  const error =
    fetcher.data && 'error' in fetcher.data ? (fetcher.data.error ?? undefined) : undefined;
  return (
    <fetcher.Form method="post" noValidate action={`/la/${gssCode}/survey`}>
      <input type="hidden" name="intent" value="headcount" />
      <input type="hidden" name="wave" value={wave.id} />
      <input type="hidden" name="service" value={enrolment.service} />
      <TextField
        id={id}
        name="headcount"
        label="How many social workers does the service employ? (headcount)"
        hint="Used only to work out the response rate."
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={setValue}
        error={error}
        width={5}
      />
      <button
        type="submit"
        className="app-button app-button--secondary"
        disabled={fetcher.state !== 'idle'}
      >
        Save headcount
      </button>
    </fetcher.Form>
  );
}

function LiveCounts({ gssCode, wave, enrolment }: EnrolmentOfWave) {
  const { responses } = enrolment;
  const previous = responses.previous;
  return (
    <>
      <h4 className="app-heading-s">Responses so far</h4>
      <p className="app-body app-secondary-text">
        While the wave is open you see only how many have answered. Results appear when it closes on{' '}
        {longLondonDateTime(new Date(wave.closesAt))}.
      </p>
      <SummaryList
        rows={[
          [
            'Responses',
            responses.count === null ? (responses.message ?? '') : String(responses.count),
          ],
          [
            'Response rate',
            responses.responseRate !== null
              ? `${percent(responses.responseRate)} of ${responses.headcount ?? ''}`
              : responses.count === null
                ? (responses.message ?? '')
                : 'Enter the headcount to see the response rate',
          ],
          ...(previous
            ? ([
                [
                  `${previous.waveName}, ${previous.day} ${previous.day === 1 ? 'day' : 'days'} after opening`,
                  previous.count === null
                    ? (previous.message ?? '')
                    : `${previous.count} responses${previous.responseRate !== null ? ` (${percent(previous.responseRate)} of the headcount)` : ''}`,
                ],
              ] as const)
            : []),
        ]}
      />
      {responses.byDay ? (
        <ResponsesByDay
          id={`${wave.id}-${enrolment.service}-days`}
          days={everyDay(responses.byDay, wave.opensAt, new Date())}
        />
      ) : null}
      <Headcount gssCode={gssCode} wave={wave} enrolment={enrolment} />
    </>
  );
}

function ClosedCounts({ gssCode, wave, enrolment }: EnrolmentOfWave) {
  const { responses } = enrolment;
  return (
    <>
      <p className="app-body">
        {wave.name} closed on {longLondonDateTime(new Date(wave.closesAt))} with{' '}
        {responses.count === null
          ? responses.message?.toLowerCase()
          : `${responses.count} responses`}
        {responses.responseRate !== null
          ? ` (${percent(responses.responseRate)} of the headcount)`
          : ''}
        .
      </p>
      <p className="app-body">
        <Link to={`/la/${gssCode}?wave=${wave.id}&service=${enrolment.service}`}>
          Read the results
          <span className="app-visually-hidden">
            {' '}
            of {wave.name}, {SERVICE_NAMES[enrolment.service]}
          </span>
        </Link>
      </p>
    </>
  );
}
