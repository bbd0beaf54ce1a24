/*
 * Facts about Tân Uyên city (Bình Dương) before and after the 1 July 2025 reorganisation, written out by hand
 * from the national lists and Resolution 1685/NQ-UBTVQH15 (Art. 1, cl. 81, 90, 97–101). The demo does not read
 * ../shared at run time. Hamlet names are real only where a public list exists; the rest are marked demo.
 */

export interface OldWardFact {
  code: string;
  name: string;
  type: 'ward' | 'commune';
  /** Real khu phố names where a public list exists; otherwise the demo makes "Khu phố 1…n" / "Ấp 1…n". */
  knownHamlets: string[];
  /** How many demo hamlets to make when none are known. */
  demoHamletCount: number;
  /** Successor wards from 1 July 2025; for a split, `hamletShare` says how many of its hamlets go to each. */
  became: Array<{ code: string; mergeType: 'full' | 'partial'; hamletShare?: number }>;
}

export interface NewWardFact {
  code: string;
  name: string;
  /** Predecessors outside Tân Uyên city, kept as names only (the demo does not model other districts). */
  otherPredecessors: string[];
}

export const OLD_PROVINCE = { code: '74', name: 'Tỉnh Bình Dương', type: 'province' } as const;
export const OLD_CITY = { code: '723', name: 'Thành phố Tân Uyên', type: 'city' } as const;
export const NEW_PROVINCE = { code: '79', name: 'Thành phố Hồ Chí Minh', type: 'municipality' } as const;

export const OLD_WARDS: OldWardFact[] = [
  {
    code: '25888',
    name: 'Phường Uyên Hưng',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 4,
    became: [{ code: '25888', mergeType: 'full' }],
  },
  {
    code: '25891',
    name: 'Phường Tân Phước Khánh',
    type: 'ward',
    knownHamlets: [
      'Bình Hòa 1',
      'Bình Hòa 2',
      'Khánh Hòa',
      'Khánh Hội',
      'Khánh Long',
      'Khánh Lộc',
      'Khánh Lợi',
      'Khánh Thạnh',
    ],
    demoHamletCount: 0,
    became: [{ code: '25891', mergeType: 'full' }],
  },
  {
    code: '25912',
    name: 'Phường Vĩnh Tân',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 4,
    became: [{ code: '25912', mergeType: 'full' }],
  },
  {
    code: '25915',
    name: 'Phường Hội Nghĩa',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 4,
    became: [{ code: '25915', mergeType: 'full' }],
  },
  {
    code: '25920',
    name: 'Phường Tân Hiệp',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 4,
    became: [{ code: '25920', mergeType: 'full' }],
  },
  {
    code: '25921',
    name: 'Phường Khánh Bình',
    type: 'ward',
    knownHamlets: [
      'Bình Chánh',
      'Bình Chánh Đông',
      'Bình Khánh',
      'Khánh Lộc',
      'Khánh Tân',
      'Khánh Vân',
      'Long Bình',
    ],
    demoHamletCount: 0,
    became: [{ code: '25920', mergeType: 'full' }],
  },
  {
    code: '25924',
    name: 'Phường Phú Chánh',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 3,
    became: [{ code: '25760', mergeType: 'full' }],
  },
  {
    code: '25930',
    name: 'Xã Bạch Đằng',
    type: 'commune',
    knownHamlets: [],
    demoHamletCount: 3,
    became: [{ code: '25888', mergeType: 'full' }],
  },
  {
    code: '25933',
    name: 'Phường Tân Vĩnh Hiệp',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 4,
    became: [{ code: '25891', mergeType: 'full' }],
  },
  {
    code: '25936',
    name: 'Phường Thạnh Phước',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 3,
    became: [{ code: '25891', mergeType: 'full' }],
  },
  {
    code: '25937',
    name: 'Xã Thạnh Hội',
    type: 'commune',
    knownHamlets: [],
    demoHamletCount: 3,
    became: [{ code: '25891', mergeType: 'full' }],
  },
  {
    code: '25939',
    name: 'Phường Thái Hòa',
    type: 'ward',
    knownHamlets: [],
    demoHamletCount: 4,
    // Split: in the demo its first two hamlets go to Tân Khánh, the other two to Tân Đông Hiệp.
    became: [
      { code: '25891', mergeType: 'partial', hamletShare: 2 },
      { code: '25945', mergeType: 'partial', hamletShare: 2 },
    ],
  },
];

export const NEW_WARDS: NewWardFact[] = [
  {
    code: '25760',
    name: 'Phường Bình Dương',
    otherPredecessors: ['Phường Hoà Phú', 'Phường Phú Mỹ', 'Phường Phú Tân'],
  },
  { code: '25888', name: 'Phường Tân Uyên', otherPredecessors: ['Xã Tân Lập', 'Xã Tân Mỹ (một phần)'] },
  { code: '25891', name: 'Phường Tân Khánh', otherPredecessors: [] },
  { code: '25912', name: 'Phường Vĩnh Tân', otherPredecessors: ['Thị trấn Tân Bình'] },
  { code: '25915', name: 'Phường Bình Cơ', otherPredecessors: ['Xã Bình Mỹ'] },
  { code: '25920', name: 'Phường Tân Hiệp', otherPredecessors: [] },
  {
    code: '25945',
    name: 'Phường Tân Đông Hiệp',
    otherPredecessors: ['Phường Tân Đông Hiệp (Dĩ An, một phần)'],
  },
];

export const REFORM_DATE = '2025-07-01';
export const OLD_LAST_DAY = '2025-06-30';
/** Start of units that existed before our records. */
export const HISTORIC_START = '1900-01-01';
/** Start of the demo's hamlet records (the programme began in 2023). */
export const DEMO_HAMLETS_FROM = '2020-01-01';
