import { isServiceKind, SERVICE_KINDS, SERVICE_NAMES, type ServiceKind } from '@swhc/contracts';

type Choice =
  | { value: ServiceKind; onChange: (service: ServiceKind) => void; defaultValue?: never }
  /** Uncontrolled, for a GET form that works before the scripts have loaded. */
  | { defaultValue: ServiceKind; value?: never; onChange?: never };

/** The "Service" select: children's or adults' services, as every service picker shows it. */
export function ServiceSelect({
  id,
  name,
  groupClassName,
  ...choice
}: {
  id: string;
  /** The form field's name, where a form submits it. */
  name?: string;
  /** An extra class on the form group, e.g. for a row of pickers. */
  groupClassName?: string;
} & Choice) {
  const { onChange } = choice;
  return (
    <div className={groupClassName ? `app-form-group ${groupClassName}` : 'app-form-group'}>
      <label className="app-label" htmlFor={id}>
        Service
      </label>
      <select
        id={id}
        name={name}
        className="app-select"
        value={choice.value}
        defaultValue={choice.defaultValue}
        onChange={
          onChange
            ? (e) => onChange(isServiceKind(e.target.value) ? e.target.value : 'children')
            : undefined
        }
      >
        {SERVICE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {SERVICE_NAMES[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}
