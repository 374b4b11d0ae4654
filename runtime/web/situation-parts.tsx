/**
 * What an application calls for, as the portal shows it: the materials to supply (conditional ones with the situation
 * in words, one-of groups as "one of"), the fees due with waivers, and the amount due. The same view serves the live
 * list beside the form and the case pages; the guide uses the condition texts.
 */
import { useId } from 'react';
import type { MatterDefinition } from '../../engine/index.ts';
import { conditionDescription } from '../../engine/situations/describe.ts';
import type { CaseMaterial, CaseSituation } from '../cases/situation.ts';
import { useApp } from './context.ts';
import { pick, type Locale } from './i18n.ts';
import type { ConditionText } from './types.ts';

type Texts = ReturnType<typeof useApp>['t'];

/** "Only when …" for a condition in words, or "only in some situations" when it could not be put in words. */
export const onlyWhen = (text: ConditionText, t: Texts, locale: Locale): string => (text.generic ? t.someSituations : t.onlyWhen(text[locale]));

/** The condition in words under which a definition's material applies; undefined when it always does. */
function materialCondition(definition: MatterDefinition | undefined, id: string): ConditionText | undefined {
  const when = definition?.materials.find((m) => m.id === id)?.when;
  return when && definition ? conditionDescription(when, definition.form.schema) : undefined;
}

/** The condition every member of a group shares (said once, at the group), or undefined. */
function sharedCondition(definition: MatterDefinition | undefined, members: readonly CaseMaterial[]): ConditionText | undefined {
  const texts = members.map((m) => (m.conditional ? materialCondition(definition, m.id) : undefined));
  const first = texts[0];
  return first && texts.every((x) => x !== undefined && x.zh === first.zh && x.en === first.en) ? first : undefined;
}

function MaterialItem({ m, definition, said }: { m: CaseMaterial; definition: MatterDefinition | undefined; said?: ConditionText }) {
  const { t, locale } = useApp();
  const when = m.conditional && !said ? materialCondition(definition, m.id) : undefined;
  return (
    <li data-material={m.id} data-missing={m.missing ? 'true' : 'false'}>
      {pick(m.name, locale)}
      <span className="muted">{t.paren(t.necessityNames[m.necessity] ?? m.necessity)}</span>
      {m.supplied && <strong className="waived-label"> ✓ {t.suppliedMark}</strong>}
      {when && <div className="reason">{onlyWhen(when, t, locale)}</div>}
    </li>
  );
}

/** A one-of group: "one of the following", the situation its members share said once, then the members. */
function GroupItem({ g, definition }: { g: { id: string; required: boolean; satisfied: boolean; items: readonly CaseMaterial[] }; definition: MatterDefinition | undefined }) {
  const { t, locale } = useApp();
  const said = sharedCondition(definition, g.items);
  return (
    <li data-group={g.id}>
      <strong>{g.required ? t.oneOfHeading : t.oneOfOptional}</strong>
      {g.satisfied && <strong className="waived-label"> ✓ {t.suppliedMark}</strong>}
      {said && <div className="reason">{onlyWhen(said, t, locale)}</div>}
      <ul>
        {g.items.map((m) => (
          <MaterialItem key={m.id} m={m} definition={definition} said={said} />
        ))}
      </ul>
    </li>
  );
}

/**
 * The materials still to bring (not waived by shared data, not exempted), one-of groups as "one of", then the fees
 * due and the amount due. `live` marks the list that follows the applicant's answers (announced politely).
 */
export function SituationList({ situation, definition, live = false }: { situation: CaseSituation; definition: MatterDefinition | undefined; live?: boolean }) {
  const { t, locale } = useApp();
  const ids = useId();
  const toBring = situation.materials.filter((m) => !m.waived && m.necessity !== 'exempted');
  const groups = new Map(
    situation.groups
      .map((g) => ({ ...g, items: toBring.filter((m) => m.group === g.id) }))
      .filter((g) => g.items.length > 0 && !(g.satisfied && g.items.length < g.members.length)) // a member waived: the group is met
      .map((g) => [g.id, g]),
  );
  // in the definition's order, each group where its first member stands
  type Group = NonNullable<ReturnType<typeof groups.get>>;
  const entries = toBring.flatMap((m): ({ m: CaseMaterial } | { g: Group })[] => {
    if (m.group === null) return [{ m }];
    const g = groups.get(m.group);
    return g?.items[0] === m ? [{ g }] : [];
  });
  return (
    <div className="columns situation" data-testid={live ? 'live-situation' : 'case-situation'} aria-live={live ? 'polite' : undefined}>
      <section aria-labelledby={`${ids}-supply`}>
        <h3 id={`${ids}-supply`}>{t.toSupply}</h3>
        {entries.length === 0 ? (
          <p data-testid="none-to-supply">{t.noneToSupply}</p>
        ) : (
          <ul data-testid="case-to-supply">
            {entries.map((e) =>
              'm' in e ? (
                <MaterialItem key={e.m.id} m={e.m} definition={definition} />
              ) : (
                <GroupItem key={e.g.id} g={e.g} definition={definition} />
              ),
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${ids}-fees`}>
        <h3 id={`${ids}-fees`}>{t.feesDue}</h3>
        {situation.fees.length > 0 && (
          <ul data-testid="fees-due">
            {situation.fees.map((f) => (
              <li key={f.id} data-fee={f.id} data-waived={f.waived ? 'true' : 'false'}>
                {t.feeLine(pick(f.name, locale), f.amount)}
                {f.waived && (
                  <>
                    {' '}
                    <strong className="waived-label">✓ {t.feeWaived}</strong>
                    {f.waiverReason && <div className="reason">{pick(f.waiverReason, locale)}</div>}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <p data-testid="amount-due">
          <strong>{situation.amountDue === 0 ? t.nothingDue : t.amountDue(situation.amountDue)}</strong>
        </p>
      </section>
    </div>
  );
}
