import {
  ENGLISH_REGIONS,
  GSS_CODE_PATTERN,
  PANEL_ROLES,
  SERVICE_KINDS,
  SERVICE_NAMES,
  type PanelJoinOptions,
} from '@swhc/contracts';
import { useState } from 'react';
import { textOf } from '../../app/form-fields';
import { RadioField, SelectField } from '../../ui';

/** The select's value for "my employer is not a local authority". */
export const NOT_AN_LA = 'not-an-la';

export interface ProfileInput {
  organisation: string;
  role: string;
  service: string;
  region: string;
}

export function profileFromForm(form: FormData): ProfileInput {
  return {
    organisation: textOf(form, 'organisation'),
    role: textOf(form, 'role'),
    service: textOf(form, 'service'),
    region: textOf(form, 'region'),
  };
}

/** The same rules as the api's, in GOV.UK words; the api's answer is still checked. */
export function profileFieldErrors(
  profile: ProfileInput,
): Partial<Record<keyof ProfileInput, string>> {
  const errors: Partial<Record<keyof ProfileInput, string>> = {};
  if (profile.organisation !== NOT_AN_LA && !GSS_CODE_PATTERN.test(profile.organisation))
    errors.organisation = 'Select your employer, or say that it is not a local authority';
  if (!PANEL_ROLES.some((r) => r.value === profile.role)) errors.role = 'Select your role';
  if (!(SERVICE_KINDS as readonly string[]).includes(profile.service))
    errors.service = 'Select children’s or adults’ services';
  if (!ENGLISH_REGIONS.includes(profile.region)) errors.region = 'Select the region you work in';
  return errors;
}

/** Employer, role, service and region: the profile a member gives when joining and may change. */
export function ProfileFields({
  options,
  errors,
  initial,
}: {
  options: Pick<PanelJoinOptions, 'organisations'>;
  errors: Partial<Record<keyof ProfileInput, string>>;
  initial?: ProfileInput;
}) {
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [role, setRole] = useState(initial?.role ?? '');
  const [service, setService] = useState(initial?.service ?? '');
  const [region, setRegion] = useState(initial?.region ?? '');
  const chooseOrganisation = (value: string) => {
    setOrganisation(value);
    // Most people work in their employer's region: suggest it, once.
    const la = options.organisations.find((o) => o.gssCode === value);
    if (la && region === '') setRegion(la.region);
  };
  return (
    <>
      <SelectField
        id="organisation"
        label="Employer"
        hint="The local authority you work for. Agency workers: the one you work in now."
        placeholder="Select your employer"
        options={[
          { value: NOT_AN_LA, label: 'My employer is not a local authority' },
          ...options.organisations.map((o) => ({ value: o.gssCode, label: o.name })),
        ]}
        value={organisation}
        onChange={chooseOrganisation}
        error={errors.organisation}
      />
      <RadioField
        id="role"
        legend="Which best describes your role?"
        choices={PANEL_ROLES.map((r) => ({ value: r.value, label: r.text }))}
        value={role}
        onChange={setRole}
        error={errors.role}
      />
      <RadioField
        id="service"
        legend="Do you work in children’s or adults’ services?"
        hint="If you work in both, choose the one you spend most time in."
        choices={SERVICE_KINDS.map((s) => ({ value: s, label: SERVICE_NAMES[s] }))}
        value={service}
        onChange={setService}
        error={errors.service}
      />
      <SelectField
        id="region"
        label="Region you work in"
        placeholder="Select a region"
        options={ENGLISH_REGIONS.map((r) => ({ value: r, label: r }))}
        value={region}
        onChange={setRegion}
        error={errors.region}
      />
    </>
  );
}
