/** The relocation bundle (330000-YJS-0101) in tests: its prefilled data completed with what both members still ask. */
export const relocation = { matterId: '330000-YJS-0101', region: '330000' };

/** One form for both members: the residence permit's mobile and delivery, the insurance transfer's reason and origin. */
export const completeRelocation = (data: any) => ({
  ...data,
  residencePermit: { ...data.residencePermit, applicant: { ...data.residencePermit.applicant, mobile: '13800138000' }, delivery: { method: '电子证照' } },
  insuranceTransfer: {
    ...data.insuranceTransfer, applicant: { mobile: '13800138000' }, reason: '跨统筹区就业',
    transferOut: { regionCode: '330203', insuranceType: '职工基本医疗保险', insuredSince: '2015-07-01' },
  },
});
