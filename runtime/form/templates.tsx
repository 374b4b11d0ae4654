/** rjsf templates MatterForm overrides: the field template shows the "verified" marker of locked fields. */
import type { FieldTemplateProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/**
 * rjsf's default field template plus the verified marker (`ui:verified` holds its text) inside the field's label, so
 * it is read out with the field's name; fields without a label (objects, checkboxes) show it above the control.
 */
export function VerifiedFieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, registry, uiSchema } = props;
  const uiOptions = getUiOptions(uiSchema);
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, uiOptions);
  if (hidden) return <div className="hidden">{children}</div>;
  const verified = typeof uiOptions.verified === 'string' ? uiOptions.verified : undefined;
  const marker = verified ? (
    <span className="onematter-verified">
      {' '}
      <span aria-hidden="true">✓</span> {verified}
    </span>
  ) : null;
  const labelled = Boolean(displayLabel && uiOptions.widget !== 'checkbox' && label);
  return (
    <WrapIfAdditionalTemplate {...props}>
      {labelled && (
        <label htmlFor={id} className="control-label">
          {label}
          {required && <span className="required">*</span>}
          {marker}
        </label>
      )}
      {!labelled && marker}
      {displayLabel && description ? description : null}
      {children}
      {errors}
      {help}
    </WrapIfAdditionalTemplate>
  );
}
