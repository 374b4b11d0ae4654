/**
 * Demo citizens of Zhejiang (fictional), so the runtime prefills forms and waives materials out of the box. Their
 * records follow the fields of definitions/shared-data.json (a test checks them against its schemas).
 */
import { licenceList, type Licence } from './licences.ts';
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
  // Li Na's son, born 2026-11-20 at 宁波市妇女儿童医院; his father is 王强 (330203198303150034). Keyed by the mother's number.
  // Li Na married Wang Qiang, the father of her son (the marriage certificate the birth registration needs, shared)
  marriage: {
    [l]: { idNumber: l, maritalStatus: '已婚', spouseName: '王强', spouseIdNumber: '330203198303150034', registrationDate: '2024-05-20', certificateNumber: 'J330203-2024-001234', registrationAuthority: '宁波市海曙区民政局' },
  },
  birthRecord: {
    [l]: { motherIdNumber: l, motherName: '李娜', gender: '男', birthDate: '2026-11-20', birthPlace: '浙江省宁波市海曙区', institution: '宁波市妇女儿童医院', gestationWeeks: 39, birthWeight: 3350, birthLength: 50 },
  },
  birthMedicalCertificate: {
    [l]: { certificateNumber: 'U330512345', newbornName: '王子墨', gender: '男', birthDate: '2026-11-20', birthPlace: '浙江省宁波市海曙区', institution: '宁波市妇女儿童医院', motherName: '李娜', motherIdNumber: l, fatherName: '王强', fatherIdNumber: '330203198303150034' },
  },
  neonatalVaccination: {
    [l]: { motherIdNumber: l, newbornName: '王子墨', birthDate: '2026-11-20', hepB1Date: '2026-11-20', bcgDate: '2026-11-21', vaccinatingUnit: '宁波市妇女儿童医院' },
  },
  // Zhang Wei's employer, of which he is the legal representative. Keyed by its credit code (the item's keyedBy).
  enterpriseRegistration: {
    '91330106MA2B3C4D5E': { enterpriseName: '杭州示例科技有限公司', creditCode: '91330106MA2B3C4D5E', enterpriseType: '有限责任公司（自然人投资或控股）', legalRepresentative: '张伟', legalRepresentativeIdNumber: z, registeredAddress: '浙江省杭州市西湖区文三路200号5幢301室', registeredCapital: 100, establishedDate: '2023-05-18', operatingPeriodTo: '长期', businessScope: '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）', registrationAuthority: '杭州市西湖区市场监督管理局', registrationStatus: '存续' },
  },
} as const;

/**
 * The demo citizens' e-licences (电子证照). Zhang Wei's photo receipt has expired; Li Na has no photo in the receipt
 * library's shared data (her photo material is not waived), but holds a receipt as an e-licence she may present, and a
 * driving licence of no use to a residence permit. The hashes are licenceHash() of each (a test checks them).
 */
export const demoLicences: readonly Licence[] = [
  {
    id: 'ZP3301062024000123', type: 'id-photo-receipt', name: { zh: '数码照片回执', en: 'Digital photo receipt' }, issuer: { zh: '杭州市公安局西湖分局', en: 'Xihu Branch, Hangzhou Public Security Bureau' },
    holder: z, issuedAt: '2024-01-05', validUntil: '2026-01-04', hash: '4b81081829e081fc7a3f779ca485f52e4960dd893732fc4558a1cd3464a74750',
  },
  {
    id: 'ZP3302032025000456', type: 'id-photo-receipt', name: { zh: '数码照片回执', en: 'Digital photo receipt' }, issuer: { zh: '宁波市公安局海曙分局', en: 'Haishu Branch, Ningbo Public Security Bureau' },
    holder: l, issuedAt: '2026-09-15', validUntil: '2027-09-14', hash: 'c4763534043207bdd3d9c39cb5c4b26323dca7b0c411234dfff5ba2c8f697f2f',
  },
  {
    id: 'JZ3302032019007788', type: 'driving-licence', name: { zh: '机动车驾驶证', en: 'Driving licence' }, issuer: { zh: '宁波市公安局交通警察局', en: 'Ningbo Traffic Police Bureau' },
    holder: l, issuedAt: '2019-03-20', validUntil: '2029-03-20', hash: '08fe5827dcdf1e0728809b82be6eafc0cab09175bd92425cec1620fff6ac667c',
  },
];

/** The demo shared-data source, with the demo e-licences. */
export const demoSharedData: SharedDataSource = { ...recordSource(demoRecords), licences: licenceList(demoLicences) };
