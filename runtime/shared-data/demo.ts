/**
 * Demo citizens of Zhejiang (fictional), so the runtime prefills forms and waives materials out of the box. Their
 * records follow the fields of definitions/shared-data.json (a test checks them against its schemas).
 */
import { recordSource, type SharedDataSource } from './source.ts';

export const demoCitizens = {
  /** Everything shared: identity, household, residence registration, photo, labour contract, social security. */
  zhangWei: '330106199001011237',
  /** Identity and household only: residence materials are not waived, the form asks for them. */
  liNa: '330203198505052346',
} as const;

const z = demoCitizens.zhangWei;
const l = demoCitizens.liNa;

/** The demo records, item → identity number → fields. */
export const demoRecords = {
  identity: {
    [z]: { name: '张伟', idNumber: z, gender: '男', ethnicity: '汉族', birthDate: '1990-01-01', address: '浙江省杭州市西湖区文三路100号', issuingAuthority: '杭州市公安局西湖分局', validFrom: '2020-01-01', validTo: '2040-01-01' },
    [l]: { name: '李娜', idNumber: l, gender: '女', ethnicity: '汉族', birthDate: '1985-05-05', address: '浙江省宁波市海曙区中山西路8号', issuingAuthority: '宁波市公安局海曙分局', validFrom: '2015-05-05', validTo: '2035-05-05' },
  },
  household: {
    [z]: { idNumber: z, name: '张伟', householdNumber: '330106001234', householdType: '家庭户', headName: '张伟', relationToHead: '户主', householdAddress: '浙江省杭州市西湖区文三路100号', householdRegion: '330106', registrationAuthority: '文三路派出所' },
    [l]: { idNumber: l, name: '李娜', householdNumber: '330203005678', householdType: '家庭户', headName: '李娜', relationToHead: '户主', householdAddress: '浙江省宁波市海曙区中山西路8号', householdRegion: '330203', registrationAuthority: '西门派出所' },
  },
  residenceRegistration: {
    [z]: { idNumber: z, residenceRegion: '330106', residenceAddress: '浙江省杭州市西湖区文三路100号3幢201室', registrationDate: '2024-01-10', residenceReason: '就业', housingType: '租赁住房', policeStation: '文三路派出所' },
  },
  idPhoto: {
    [z]: { idNumber: z, receiptNumber: 'ZP3301062024000123', takenDate: '2024-01-05', purpose: '居住证', qualified: true },
  },
  labourContract: {
    [z]: { idNumber: z, employerName: '杭州示例科技有限公司', employerCreditCode: '91330106MA2B3C4D5E', contractType: '固定期限', contractStart: '2023-06-01', contractEnd: '2026-05-31', workplaceRegion: '330106', filingDate: '2023-06-10' },
  },
  socialSecurity: {
    [z]: { idNumber: z, name: '张伟', insuredRegion: '330100', employerName: '杭州示例科技有限公司', employerCreditCode: '91330106MA2B3C4D5E', status: '正常参保', firstInsuredDate: '2012-07-01', contributionMonths: 150 },
  },
} as const;

/** The demo shared-data source. */
export const demoSharedData: SharedDataSource = recordSource(demoRecords);
