/**
 * The portal's one-thing bundles (一件事, issue 13): the life-event vocabulary is the meta-schema's, with words in both
 * languages; the catalogue groups bundles by life event in the vocabulary's order; addressed staff events and bundle
 * roles read as the base event (role) and the member (department); the saving becomes one table row per metric.
 */
import { describe, expect, it } from 'vitest';
import { bundleSchema } from '../engine/model/index.ts';
import { bundleWords, savingFigure, savingRows } from '../runtime/web/bundle-parts.tsx';
import { baseEvent, eventLabel, groupByLifeEvent, lifeEventName, lifeEvents, membersOf, roleLabel, splitEvent } from '../runtime/web/bundles.ts';
import { texts } from '../runtime/web/i18n.ts';
import type { MatterSummary } from '../runtime/web/types.ts';

const { zh, en } = texts;

const matter = (id: string, bundle?: { event: string; eventType: string } | null): MatterSummary => ({
  id,
  title: { zh: id, en: id },
  baseline: null,
  variants: [],
  ...(bundle !== undefined ? { bundle } : {}),
});

const members = [
  { key: 'birthRegistration', title: { zh: '出生登记', en: 'Birth registration' } },
  { key: 'vaccination', title: { zh: '预防接种证', en: 'Vaccination certificate' } },
];

describe('the life-event vocabulary', () => {
  it('is the meta-schema\'s, individuals then enterprises, each event named in Chinese and English', () => {
    const schema = bundleSchema as unknown as { properties: { event: { enum: string[] }; eventType: { enum: string[] } } };
    expect([...lifeEvents.life, ...lifeEvents.business]).toEqual(schema.properties.event.enum);
    for (const event of schema.properties.event.enum) {
      expect(zh.lifeEventNames[event], event).toMatch(/\p{Script=Han}/u);
      expect(en.lifeEventNames[event], event).toMatch(/^[A-Z]/);
    }
    for (const type of schema.properties.eventType.enum) {
      expect(zh.eventTypeNames[type], type).toBeDefined();
      expect(en.eventTypeNames[type], type).toBeDefined();
    }
    expect(lifeEventName('birth', zh)).toBe('出生');
    expect(lifeEventName('market-entry', zh)).toBe('准入准营');
    expect(lifeEventName('after-death', en)).toBe('After a death');
    expect(lifeEventName('moon-landing', zh)).toBe('moon-landing');
  });
});

describe('groupByLifeEvent', () => {
  it('groups bundles by life event in the vocabulary\'s order and keeps single matters as they came', () => {
    const list = [
      matter('single-b'),
      matter('exit-1', { event: 'exit', eventType: 'business' }),
      matter('birth-1', { event: 'birth', eventType: 'life' }),
      matter('single-a', null),
      matter('start-1', { event: 'market-entry', eventType: 'business' }),
      matter('birth-2', { event: 'birth', eventType: 'life' }),
      matter('move-1', { event: 'living', eventType: 'life' }),
      matter('odd-1', { event: 'zz-unknown', eventType: 'life' }),
    ];
    const { groups, singles } = groupByLifeEvent(list);
    expect(singles.map((m) => m.id)).toEqual(['single-b', 'single-a']);
    expect(groups.map((g) => g.event)).toEqual(['birth', 'living', 'market-entry', 'exit', 'zz-unknown']);
    expect(groups[0]!.bundles.map((m) => m.id)).toEqual(['birth-1', 'birth-2']);
    expect(groups.map((g) => g.eventType)).toEqual(['life', 'life', 'business', 'business', 'life']);
  });

  it('has no groups for a catalogue of single matters (an older server sends no bundle field)', () => {
    expect(groupByLifeEvent([matter('a'), matter('b')])).toEqual({ groups: [], singles: [matter('a'), matter('b')] });
    expect(groupByLifeEvent([])).toEqual({ groups: [], singles: [] });
  });
});

describe('addressed events', () => {
  it('split at the first dot into the base event and the member', () => {
    expect(splitEvent('ACCEPT.birthRegistration')).toEqual({ base: 'ACCEPT', member: 'birthRegistration' });
    expect(splitEvent('WITHDRAW')).toEqual({ base: 'WITHDRAW', member: undefined });
    expect(baseEvent('REQUEST_SUPPLEMENT.vaccination')).toBe('REQUEST_SUPPLEMENT');
    expect(baseEvent('APPROVE')).toBe('APPROVE');
  });

  it('are labelled with the base event\'s label and the member\'s title, in either language', () => {
    expect(eventLabel('ACCEPT.birthRegistration', members, zh, 'zh')).toBe('受理 · 出生登记');
    expect(eventLabel('ACCEPT.birthRegistration', members, en, 'en')).toBe('Accept · Birth registration');
    expect(eventLabel('REJECT.vaccination', members, zh, 'zh')).toBe('不予批准 · 预防接种证');
    expect(eventLabel('APPROVE.vaccination', members, en, 'en')).toBe('Approve · Vaccination certificate');
  });

  it('keep plain events as they were, and fall back to the member\'s key and the event\'s own name', () => {
    expect(eventLabel('WITHDRAW', members, zh, 'zh')).toBe('撤回申请');
    expect(eventLabel('SUBMIT', [], en, 'en')).toBe('Submitted');
    expect(eventLabel('ACCEPT.police', [], zh, 'zh')).toBe('受理 · police');
    expect(eventLabel('STAMP.vaccination', members, zh, 'zh')).toBe('STAMP · 预防接种证');
    expect(eventLabel('certificate-issued', members, en, 'en')).toBe('Certificate issued');
  });

  it('name their members from the case\'s progress, else from the definition\'s bundle', () => {
    expect(membersOf({ members: [{ key: 'a', title: { zh: '甲', en: 'A' } }] })).toEqual([{ key: 'a', title: { zh: '甲', en: 'A' } }]);
    expect(membersOf({ definition: { bundle: { members: [{ key: 'b', title: { zh: '乙', en: 'B' } }] } } })).toEqual([{ key: 'b', title: { zh: '乙', en: 'B' } }]);
    expect(membersOf({})).toEqual([]);
  });
});

describe('roleLabel', () => {
  it('names a role of the table, and a bundle\'s department role with its department', () => {
    expect(roleLabel('clerk', zh)).toBe('窗口受理');
    expect(roleLabel('police-clerk', zh)).toBe('窗口受理 · 公安');
    expect(roleLabel('medicalInsurance-approver', en)).toBe('approver · medical insurance');
    expect(roleLabel('customs-approver', zh)).toBe('审批 · customs');
    expect(roleLabel('police-stamper', zh)).toBe('police-stamper');
    expect(roleLabel('stranger', en)).toBe('stranger');
  });
});

describe('the outcome 办结', () => {
  it('is named in both languages', () => {
    expect(zh.outcomeNames.completed).toBe('办结');
    expect(en.outcomeNames.completed).toBe('Completed');
  });
});

describe('savingRows', () => {
  it('gives one row per metric in the guide\'s order: separately, as one thing, saved', () => {
    const burden = (n: number) => ({ fieldsTyped: n, materials: n + 1, visits: n + 2, promisedDays: n + 3, submissions: n + 4 });
    const rows = savingRows({ separately: burden(20), together: burden(10), saved: burden(0) });
    expect(rows.map((r) => r.metric)).toEqual(['fieldsTyped', 'materials', 'visits', 'promisedDays', 'submissions']);
    expect(rows[3]).toEqual({ metric: 'promisedDays', separately: 23, together: 13, saved: 3 });
    for (const r of rows) {
      expect(bundleWords.zh.savingNames[r.metric], r.metric).toBeDefined();
      expect(bundleWords.en.savingNames[r.metric], r.metric).toBeDefined();
    }
  });
});

describe('the events a staff member is offered', () => {
  it('are those of their role and, for staff of a department, of its role in bundles (the API\'s eventRoles)', async () => {
    const { actingRoles, eventsFor } = await import('../runtime/web/people.ts');
    const c = {
      role: 'health-clerk police-clerk',
      events: ['ACCEPT.birthCertificate', 'ACCEPT.birthRegistration', 'ACCEPT.vaccination', 'WITHDRAW'],
      eventRoles: { 'ACCEPT.birthCertificate': ['health-clerk'], 'ACCEPT.birthRegistration': ['police-clerk'], 'ACCEPT.vaccination': ['health-clerk'], WITHDRAW: ['applicant'] },
    };
    expect(actingRoles({ role: 'clerk', department: 'health' })).toEqual(['clerk', 'health-clerk']);
    expect(actingRoles({ role: 'clerk' })).toEqual(['clerk']);
    expect(eventsFor(c, actingRoles({ role: 'clerk', department: 'health' }))).toEqual(['ACCEPT.birthCertificate', 'ACCEPT.vaccination']);
    expect(eventsFor(c, actingRoles({ role: 'clerk', department: 'police' }))).toEqual(['ACCEPT.birthRegistration']);
    expect(eventsFor(c, actingRoles({ role: 'approver', department: 'police' }))).toEqual([]);
    expect(eventsFor(c, ['applicant'])).toEqual(['WITHDRAW']);
    // an older server without eventRoles: the step's own role
    expect(eventsFor({ role: 'clerk', events: ['ACCEPT'] }, ['clerk'])).toEqual(['ACCEPT']);
    expect(eventsFor({ role: 'clerk', events: ['ACCEPT'] }, ['approver'])).toEqual([]);
  });
});

describe('savingFigure', () => {
  it('shows at most one decimal, and a loss with a true minus sign', () => {
    expect(savingFigure(9)).toBe('9');
    expect(savingFigure(2.71)).toBe('2.7');
    expect(savingFigure(-0.29)).toBe('\u22120.3');
    expect(savingFigure(-1)).toBe('\u22121');
    expect(savingFigure(0)).toBe('0');
  });
});
