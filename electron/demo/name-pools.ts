/** Demo customer names per script, each with a romanization used for the e-mail address. */
export type Named = readonly [native: string, roman: string];

export interface NamePool {
  script: 'latin' | 'thai' | 'hangul' | 'arabic' | 'gujarati';
  first: readonly Named[];
  last: readonly Named[];
  /** Korean names are written family name first, without a space. */
  familyFirstNoSpace?: boolean;
}

const roman = (names: string): Named[] => names.split(' ').map((n) => [n, n.toLowerCase()] as const);

export const ENGLISH: NamePool = {
  script: 'latin',
  first: roman(
    'Olivia Liam Emma Noah Amelia Oliver Ava Elijah Sophia James Isabella William Mia Lucas Charlotte Henry Harper Theodore Evelyn Jack Grace Daniel Chloe Samuel Ruby Oscar Freya Leo Isla Arthur',
  ),
  last: roman(
    'Smith Johnson Williams Brown Jones Taylor Davies Wilson Evans Thomas Roberts Walker Wright Thompson White Hughes Edwards Green Hall Wood Harris Martin Clarke Jackson Clark Turner Hill Scott Cooper Morris',
  ),
};

export const THAI: NamePool = {
  script: 'thai',
  first: [
    ['สมชาย', 'somchai'], ['สมหญิง', 'somying'], ['ณัฐพล', 'nattapon'], ['กิตติพงษ์', 'kittipong'],
    ['ปิยะนุช', 'piyanuch'], ['วิไลวรรณ', 'wilaiwan'], ['ธนากร', 'thanakorn'], ['จันทร์เพ็ญ', 'chanpen'],
    ['ศิริพร', 'siriporn'], ['อนุชา', 'anucha'], ['พรทิพย์', 'pornthip'], ['สุริยา', 'suriya'],
    ['ชนิดา', 'chanida'], ['ปัณณวัฒน์', 'pannawat'], ['กมลชนก', 'kamonchanok'], ['ธีรศักดิ์', 'theerasak'],
    ['รัตนา', 'rattana'], ['วรวุฒิ', 'worawut'], ['อรอุมา', 'onuma'], ['เกศินี', 'kesinee'],
  ],
  last: [
    ['ศรีสุข', 'srisuk'], ['วงศ์สวัสดิ์', 'wongsawat'], ['แสงทอง', 'saengthong'], ['บุญมา', 'boonma'],
    ['ทองดี', 'thongdee'], ['จันทร์แก้ว', 'chankaew'], ['สุขสวัสดิ์', 'suksawat'], ['รุ่งเรือง', 'rungruang'],
    ['พรหมมา', 'prommah'], ['เจริญผล', 'charoenphon'], ['ศักดิ์ศรี', 'saksri'], ['ประเสริฐวงศ์', 'prasertwong'],
  ],
};

export const KOREAN: NamePool = {
  script: 'hangul',
  familyFirstNoSpace: true,
  first: [
    ['민준', 'minjun'], ['서연', 'seoyeon'], ['지우', 'jiwoo'], ['하은', 'haeun'], ['도윤', 'doyun'],
    ['서준', 'seojun'], ['지민', 'jimin'], ['수아', 'sua'], ['예준', 'yejun'], ['하린', 'harin'],
    ['지호', 'jiho'], ['유진', 'yujin'], ['현우', 'hyunwoo'], ['다은', 'daeun'], ['준서', 'junseo'],
    ['채원', 'chaewon'], ['현', 'hyun'], ['준', 'jun'], ['솔', 'sol'], ['별', 'byeol'],
  ],
  last: [
    ['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung'], ['강', 'kang'], ['조', 'cho'],
    ['윤', 'yoon'], ['장', 'jang'], ['임', 'lim'], ['한', 'han'], ['오', 'oh'], ['서', 'seo'], ['신', 'shin'],
  ],
};

export const SOUTH_AZERBAIJANI: NamePool = {
  script: 'arabic',
  first: [
    ['علی', 'ali'], ['حسین', 'hossein'], ['محمد', 'mohammad'], ['رضا', 'reza'], ['مهدی', 'mehdi'],
    ['آیدین', 'aydin'], ['ائلچین', 'elchin'], ['سهند', 'sahand'], ['آیتک', 'aytak'], ['سئوین', 'sevin'],
    ['گونای', 'gunay'], ['آیلار', 'aylar'], ['نرگیز', 'nargiz'], ['تورکان', 'turkan'], ['اولدوز', 'ulduz'],
    ['ساوالان', 'savalan'],
  ],
  last: [
    ['رضایی', 'rezaei'], ['محمدی', 'mohammadi'], ['حسینی', 'hosseini'], ['قلی‌زاده', 'gholizadeh'],
    ['علیزاده', 'alizadeh'], ['اکبری', 'akbari'], ['تبریزی', 'tabrizi'], ['اردبیلی', 'ardabili'],
    ['باغیروف', 'baghirov'], ['کریمی', 'karimi'], ['نوروزی', 'nowruzi'], ['جعفری', 'jafari'],
  ],
};

export const GUJARATI: NamePool = {
  script: 'gujarati',
  first: [
    ['અમિત', 'amit'], ['પ્રિયા', 'priya'], ['રાહુલ', 'rahul'], ['નેહા', 'neha'], ['હાર્દિક', 'hardik'],
    ['કિંજલ', 'kinjal'], ['જય', 'jay'], ['ધ્રુવી', 'dhruvi'], ['મિતેશ', 'mitesh'], ['હેતલ', 'hetal'],
    ['પાર્થ', 'parth'], ['ભાવિકા', 'bhavika'], ['કૃણાલ', 'krunal'], ['ઉર્વી', 'urvi'], ['નિરવ', 'nirav'],
    ['રિદ્ધિ', 'riddhi'],
  ],
  last: [
    ['પટેલ', 'patel'], ['શાહ', 'shah'], ['દેસાઈ', 'desai'], ['મહેતા', 'mehta'], ['જોશી', 'joshi'],
    ['ત્રિવેદી', 'trivedi'], ['પંડ્યા', 'pandya'], ['ચૌહાણ', 'chauhan'], ['પરમાર', 'parmar'], ['ભટ્ટ', 'bhatt'],
    ['વ્યાસ', 'vyas'], ['સોલંકી', 'solanki'],
  ],
};

/** How the demo shop's customers split across scripts. */
export const POOLS_BY_WEIGHT: ReadonlyArray<readonly [NamePool, number]> = [
  [ENGLISH, 0.4],
  [THAI, 0.15],
  [KOREAN, 0.15],
  [SOUTH_AZERBAIJANI, 0.15],
  [GUJARATI, 0.15],
];
