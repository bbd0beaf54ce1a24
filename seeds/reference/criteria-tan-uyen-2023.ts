import type { Condition, CriteriaSetDefinition } from '../../domain/criteria/schema.js';

/*
 * "Tân Uyên 2023–2025", the criteria set of the programme brief, written out from DOMAIN.md §2: every row marked A
 * is enabled with the brief's target, every E row is present but switched off. Where the brief is silent the
 * DOMAIN.md defaults apply (VNeID from age 14, SOC-1 over adults, SOC-2 90%, SOC-3 at least one poll a year, ECO-3
 * 100%). Group assignment is DOMAIN.md's reading. A set is data: the server stores it as JSON, and a later version
 * never rewrites assessments made with this one.
 */

const counted: Condition = { preset: 'countedResidency' };
const workingAge: Condition = { preset: 'workingAge' };
const yes = (field: string): Condition => ({ field, is: 'yes' });

export const CRITERIA_TAN_UYEN_2023: CriteriaSetDefinition = {
  code: 'khu-pho-cds',
  name: { vi: 'Tân Uyên 2023–2025', en: 'Tân Uyên 2023–2025' },
  version: 1,
  effectiveFrom: '2023-11-21',
  parameters: {
    workingAge: 'labour_code_2019',
    vneidMinAge: 14,
    adultAge: 18,
    countTemporaryResidents: true,
    rounding: { mode: 'none' },
    pointsMode: false,
    pilotLimit: 2,
  },
  groups: [
    {
      code: 'awareness',
      name: { vi: 'Nhận thức số', en: 'Digital awareness' },
      criteria: [
        {
          code: 'AWR-1',
          name: {
            vi: 'Hộ gia đình được tuyên truyền về chuyển đổi số',
            en: 'Households reached by digital-transformation outreach',
          },
          source: 'E',
          enabled: false,
          definition: {
            kind: 'ratio',
            subject: 'households',
            denominator: [counted],
            numerator: [yes('reachedByOutreach')],
            target: { comparator: 'gte', percent: 100 },
            unit: 'households',
          },
        },
        {
          code: 'AWR-2',
          name: {
            vi: 'Có Tổ công nghệ số cộng đồng hoạt động',
            en: 'An active community digital technology team',
          },
          source: 'A',
          enabled: true,
          // The evidence is the commune chairman's decision setting up the team (number and date).
          definition: { kind: 'fact', fact: 'digitalTeam', target: { equals: true }, evidenceRequired: true },
        },
        {
          code: 'AWR-3',
          name: {
            vi: 'Hộ gia đình tham gia kênh thông tin số của khu phố, ấp',
            en: "Households in the hamlet's digital channel",
          },
          source: 'E',
          enabled: false,
          definition: {
            kind: 'ratio',
            subject: 'households',
            denominator: [counted],
            numerator: [yes('inDigitalChannel')],
            target: { comparator: 'gte', percent: 100 },
            unit: 'households',
          },
        },
      ],
    },
    {
      code: 'skills',
      name: { vi: 'Kỹ năng công dân số', en: 'Digital citizen skills' },
      criteria: [
        {
          code: 'SKL-1',
          name: {
            vi: 'Người dân có tài khoản định danh điện tử mức 2',
            en: 'Residents with a level-2 electronic identity (VNeID)',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted, { preset: 'vneidEligible' }],
            numerator: [{ field: 'vneidLevel', op: 'eq', value: 2 }],
            target: { comparator: 'gte', percent: 100 },
            unit: 'people',
          },
        },
        {
          code: 'SKL-2',
          name: { vi: 'Tài khoản dịch vụ công trực tuyến', en: 'Online public service accounts' },
          source: 'A',
          enabled: true,
          // The brief: every household has one, OR 80% of working-age residents have one and can use it.
          definition: { kind: 'anyOf', of: ['SKL-2a', 'SKL-2b'] },
        },
        {
          code: 'SKL-2a',
          name: {
            vi: 'Mỗi hộ gia đình có ít nhất 1 thành viên có tài khoản dịch vụ công trực tuyến',
            en: 'Every household has at least one member with an online public service account',
          },
          source: 'A',
          enabled: true,
          hidden: true,
          definition: {
            kind: 'ratio',
            subject: 'households',
            denominator: [counted],
            numerator: [{ member: [yes('onlinePublicServiceAccount')] }],
            target: { comparator: 'gte', percent: 100 },
            unit: 'households',
          },
        },
        {
          code: 'SKL-2b',
          name: {
            vi: 'Người trong độ tuổi lao động có tài khoản dịch vụ công trực tuyến và biết sử dụng',
            en: 'Working-age residents with an online public service account who can use it',
          },
          source: 'A',
          enabled: true,
          hidden: true,
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted, workingAge],
            numerator: [yes('onlinePublicServiceAccount'), yes('canUseOnlinePublicService')],
            target: { comparator: 'gte', percent: 80 },
            unit: 'people',
          },
        },
        {
          code: 'SKL-3',
          name: {
            vi: 'Người trong độ tuổi lao động có tài khoản thanh toán số',
            en: 'Working-age residents with a digital payment account',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted, workingAge],
            numerator: [yes('digitalPaymentAccount')],
            target: { comparator: 'gte', percent: 80 },
            unit: 'people',
          },
        },
        {
          code: 'SKL-4',
          name: {
            vi: 'Người dân được hướng dẫn kỹ năng số cơ bản',
            en: 'Residents coached in basic digital skills',
          },
          source: 'E',
          enabled: false,
          // No target is set anywhere; 50% is a placeholder a city replaces before switching it on.
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted, { preset: 'adult' }],
            numerator: [yes('digitalSkillsCoached')],
            target: { comparator: 'gte', percent: 50 },
            unit: 'people',
          },
        },
      ],
    },
    {
      code: 'infrastructure',
      name: { vi: 'Hạ tầng số', en: 'Digital infrastructure' },
      criteria: [
        {
          code: 'INF-1',
          name: {
            vi: 'Hộ gia đình có Internet băng rộng (cố định hoặc di động)',
            en: 'Households with broadband internet (fixed or mobile)',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'households',
            denominator: [counted],
            numerator: [{ anyOf: [yes('fixedBroadband'), yes('mobileBroadband')] }],
            target: { comparator: 'gte', percent: 100 },
            unit: 'households',
          },
        },
        {
          code: 'INF-2',
          name: {
            vi: 'Người trong độ tuổi lao động có điện thoại thông minh hoặc thiết bị thông minh',
            en: 'Working-age residents with a smartphone or smart device',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted, workingAge],
            numerator: [yes('smartDevice')],
            target: { comparator: 'gte', percent: 95 },
            unit: 'people',
          },
        },
        {
          code: 'INF-3',
          name: {
            vi: 'Điểm wifi công cộng miễn phí đang hoạt động',
            en: 'Free public wifi points in working order',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'count',
            subject: 'wifiPoints',
            filter: [yes('isWorking')],
            target: { comparator: 'gte', value: 1 },
          },
        },
        {
          code: 'INF-4',
          name: {
            vi: 'Văn phòng khu phố, ấp có Internet và thiết bị hỗ trợ người dân làm dịch vụ công trực tuyến',
            en: 'Hamlet office able to help residents with online public services',
          },
          source: 'E',
          enabled: false,
          definition: { kind: 'fact', fact: 'officeEquipped', target: { equals: true } },
        },
      ],
    },
    {
      code: 'economy',
      name: { vi: 'Kinh tế số', en: 'Digital economy' },
      criteria: [
        {
          code: 'ECO-1',
          name: {
            vi: 'Hàng hóa, dịch vụ đủ điều kiện được đưa lên sàn thương mại điện tử',
            en: 'Eligible goods and services listed on e-commerce platforms',
          },
          source: 'A',
          enabled: true,
          // "Eligible" is marked by the officer (DOMAIN.md §5).
          definition: {
            kind: 'ratio',
            subject: 'businesses',
            denominator: [yes('ecommerceEligible')],
            numerator: [yes('listedOnline')],
            target: { comparator: 'gte', percent: 100 },
            unit: 'products',
          },
        },
        {
          code: 'ECO-2',
          name: {
            vi: 'Cửa hàng, hộ kinh doanh chấp nhận thanh toán không dùng tiền mặt',
            en: 'Shops and household businesses accepting cashless payment',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'businesses',
            denominator: [{ field: 'kind', op: 'in', value: ['shop', 'household_business'] }],
            numerator: [yes('acceptsCashless')],
            target: { comparator: 'gte', percent: 100 },
            unit: 'businesses',
          },
        },
        {
          code: 'ECO-3',
          name: {
            vi: 'Sản phẩm OCOP, nông sản có mã truy xuất nguồn gốc hoặc được bán trực tuyến',
            en: 'OCOP and farm products with a traceability code or sold online',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'businesses',
            denominator: [{ anyOf: [{ field: 'ocopStars', op: 'gte', value: 1 }, yes('isFarmProduct')] }],
            numerator: [{ anyOf: [yes('traceability'), yes('listedOnline')] }],
            target: { comparator: 'gte', percent: 100 },
            unit: 'products',
          },
        },
      ],
    },
    {
      code: 'society',
      name: { vi: 'Xã hội số, dịch vụ số', en: 'Digital society and services' },
      criteria: [
        {
          code: 'SOC-1',
          name: {
            vi: 'Người dân được thông tin về y tế từ xa và biết đăng ký khám bệnh trực tuyến',
            en: 'Residents informed of telehealth and able to book medical visits online',
          },
          source: 'A',
          enabled: true,
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted, { preset: 'adult' }],
            numerator: [yes('telehealthInformed'), yes('onlineMedicalBooking')],
            target: { comparator: 'gte', percent: 100 },
            unit: 'people',
          },
        },
        {
          code: 'SOC-2',
          name: {
            vi: 'Phản ánh, kiến nghị của người dân được tiếp nhận và trả lời trực tuyến đúng hạn',
            en: "Residents' feedback received and answered online on time",
          },
          source: 'A',
          enabled: true,
          // Entered as two facts until the feedback feature counts them itself.
          definition: {
            kind: 'factRatio',
            numeratorFact: 'feedbackAnsweredOnline',
            denominatorFact: 'feedbackReceived',
            target: { comparator: 'gte', percent: 90 },
          },
        },
        {
          code: 'SOC-3',
          name: {
            vi: 'Lấy ý kiến người dân trực tuyến về hoạt động của khu phố, ấp',
            en: 'Online polls of residents about hamlet activities',
          },
          source: 'A',
          enabled: true,
          definition: { kind: 'fact', fact: 'onlinePollsPerYear', target: { comparator: 'gte', value: 1 } },
        },
        {
          code: 'SOC-4',
          name: {
            vi: 'Người dân có hồ sơ sức khỏe điện tử',
            en: 'Residents with an electronic health record',
          },
          source: 'E',
          enabled: false,
          // No target is set anywhere; 50% is a placeholder a city replaces before switching it on.
          definition: {
            kind: 'ratio',
            subject: 'residents',
            denominator: [counted],
            numerator: [yes('electronicHealthRecord')],
            target: { comparator: 'gte', percent: 50 },
            unit: 'people',
          },
        },
      ],
    },
  ],
};
