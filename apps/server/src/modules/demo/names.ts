/**
 * Names and places for the demo company: Chinese and English people and organisations, cities of
 * China and abroad with their phone formats. Pinyin is kept next to each Chinese part so e-mail
 * addresses and domains look like the ones Chinese customers really use.
 */
import type { Random } from './random.js';

type Pair = readonly [zh: string, pinyin: string];

export const CHINESE_SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.7], ['刘', 'liu', 5.4], ['陈', 'chen', 4.5], ['杨', 'yang', 3.1],
  ['黄', 'huang', 2.2], ['赵', 'zhao', 2.0], ['吴', 'wu', 2.0], ['周', 'zhou', 1.9], ['徐', 'xu', 1.5], ['孙', 'sun', 1.4],
  ['马', 'ma', 1.3], ['朱', 'zhu', 1.2], ['胡', 'hu', 1.1], ['郭', 'guo', 1.1], ['何', 'he', 1.0], ['高', 'gao', 1.0],
  ['林', 'lin', 1.0], ['罗', 'luo', 0.9], ['郑', 'zheng', 0.9], ['梁', 'liang', 0.8], ['谢', 'xie', 0.7], ['宋', 'song', 0.6],
  ['唐', 'tang', 0.6], ['许', 'xu', 0.6], ['韩', 'han', 0.6], ['冯', 'feng', 0.5], ['邓', 'deng', 0.5], ['曹', 'cao', 0.5],
  ['彭', 'peng', 0.5], ['曾', 'zeng', 0.5], ['肖', 'xiao', 0.5], ['田', 'tian', 0.4], ['董', 'dong', 0.4], ['袁', 'yuan', 0.4],
  ['潘', 'pan', 0.4], ['于', 'yu', 0.4], ['蒋', 'jiang', 0.4], ['蔡', 'cai', 0.4], ['余', 'yu', 0.4], ['杜', 'du', 0.4],
  ['叶', 'ye', 0.4], ['程', 'cheng', 0.4], ['苏', 'su', 0.3], ['魏', 'wei', 0.3], ['吕', 'lv', 0.3], ['丁', 'ding', 0.3],
  ['任', 'ren', 0.3], ['沈', 'shen', 0.3], ['姚', 'yao', 0.3], ['卢', 'lu', 0.3], ['姜', 'jiang', 0.3], ['崔', 'cui', 0.3],
  ['钟', 'zhong', 0.3], ['谭', 'tan', 0.3], ['陆', 'lu', 0.3], ['汪', 'wang', 0.3], ['范', 'fan', 0.3], ['金', 'jin', 0.3],
  ['石', 'shi', 0.2], ['廖', 'liao', 0.2], ['贾', 'jia', 0.2], ['夏', 'xia', 0.2], ['方', 'fang', 0.2], ['白', 'bai', 0.2],
  ['邹', 'zou', 0.2], ['孟', 'meng', 0.2], ['熊', 'xiong', 0.2], ['秦', 'qin', 0.2], ['邱', 'qiu', 0.2], ['江', 'jiang', 0.2],
  ['尹', 'yin', 0.2], ['薛', 'xue', 0.2], ['欧阳', 'ouyang', 0.08], ['司马', 'sima', 0.03], ['上官', 'shangguan', 0.02],
];

export const CHINESE_GIVEN_NAMES: readonly Pair[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂英', 'guiying'], ['建华', 'jianhua'],
  ['建国', 'jianguo'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'], ['海燕', 'haiyan'], ['丹', 'dan'], ['萍', 'ping'],
  ['鑫', 'xin'], ['宇', 'yu'], ['浩', 'hao'], ['欣怡', 'xinyi'], ['子涵', 'zihan'], ['梓萱', 'zixuan'], ['一鸣', 'yiming'],
  ['思远', 'siyuan'], ['雨桐', 'yutong'], ['俊杰', 'junjie'], ['晨', 'chen'], ['婷', 'ting'], ['慧', 'hui'], ['玲', 'ling'],
  ['斌', 'bin'], ['辉', 'hui'], ['鹏', 'peng'], ['飞', 'fei'], ['文', 'wen'], ['红', 'hong'], ['华', 'hua'], ['佳', 'jia'],
  ['雪', 'xue'], ['倩', 'qian'], ['帆', 'fan'], ['凯', 'kai'], ['琳', 'lin'], ['颖', 'ying'], ['博', 'bo'], ['瑶', 'yao'],
  ['立新', 'lixin'], ['国强', 'guoqiang'], ['春梅', 'chunmei'], ['美玲', 'meiling'], ['建军', 'jianjun'], ['文博', 'wenbo'],
  ['晓燕', 'xiaoyan'], ['振华', 'zhenhua'], ['雅琴', 'yaqin'], ['家豪', 'jiahao'], ['嘉怡', 'jiayi'], ['天宇', 'tianyu'],
];

export const ENGLISH_FIRST_NAMES: readonly string[] = [
  'Emily', 'James', 'Olivia', 'William', 'Sophie', 'Daniel', 'Charlotte', 'Thomas', 'Amelia', 'George', 'Grace', 'Oliver',
  'Hannah', 'Jack', 'Chloe', 'Henry', 'Lucy', 'Samuel', 'Ella', 'Benjamin', 'Mia', 'Lucas', 'Isabella', 'Ethan', 'Ava',
  'Noah', 'Zoe', 'Ryan', 'Laura', 'David', 'Sarah', 'Michael', 'Rachel', 'Matthew', 'Jessica', 'Andrew', 'Claire', 'Peter',
  'Aisha', 'Raj', 'Priya', 'Ahmed', 'Fatima', 'Marcus', 'Nina', 'Lukas', 'Anna', 'Felix',
];

export const ENGLISH_LAST_NAMES: readonly string[] = [
  'Carter', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright',
  'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Jackson', 'Turner',
  'Hill', 'Moore', 'Cooper', 'Ward', 'Morris', 'King', 'Baker', 'Harrison', 'Morgan', 'Patel', 'Khan', 'Lewis', 'Scott',
  'Young', 'Mitchell', 'Campbell', 'Anderson', 'Murphy', "O'Brien", 'Fischer', 'Weber', 'Tan', 'Lim', 'Wong', 'Ng', 'Kumar',
];

export interface City {
  zh: string;
  en: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: string;
  areaCode: string;
  districts: readonly string[];
  weight: number;
}

const cn = (zh: string, en: string, region: string, areaCode: string, districts: string[], weight: number): City => ({
  zh, en, country: 'CN', region, areaCode, districts, weight,
});

/** Head office in Shanghai: East China weighs most. */
export const CHINESE_CITIES: readonly City[] = [
  cn('上海', 'Shanghai', 'East China', '021', ['浦东新区', '徐汇区', '闵行区', '静安区', '长宁区', '宝山区'], 22),
  cn('杭州', 'Hangzhou', 'East China', '0571', ['西湖区', '滨江区', '余杭区', '拱墅区'], 8),
  cn('南京', 'Nanjing', 'East China', '025', ['鼓楼区', '江宁区', '秦淮区', '建邺区'], 7),
  cn('苏州', 'Suzhou', 'East China', '0512', ['工业园区', '吴中区', '姑苏区', '昆山市'], 7),
  cn('宁波', 'Ningbo', 'East China', '0574', ['鄞州区', '海曙区', '北仑区'], 4),
  cn('合肥', 'Hefei', 'East China', '0551', ['蜀山区', '包河区', '庐阳区'], 3),
  cn('北京', 'Beijing', 'North China', '010', ['朝阳区', '海淀区', '丰台区', '东城区', '通州区'], 7),
  cn('天津', 'Tianjin', 'North China', '022', ['和平区', '滨海新区', '南开区'], 3),
  cn('石家庄', 'Shijiazhuang', 'North China', '0311', ['长安区', '桥西区'], 1.5),
  cn('广州', 'Guangzhou', 'South China', '020', ['天河区', '番禺区', '海珠区', '白云区'], 5),
  cn('深圳', 'Shenzhen', 'South China', '0755', ['南山区', '福田区', '宝安区', '龙华区'], 6),
  cn('厦门', 'Xiamen', 'South China', '0592', ['思明区', '湖里区'], 2),
  cn('佛山', 'Foshan', 'South China', '0757', ['顺德区', '南海区', '禅城区'], 2),
  cn('武汉', 'Wuhan', 'Central China', '027', ['武昌区', '洪山区', '江汉区'], 3),
  cn('长沙', 'Changsha', 'Central China', '0731', ['岳麓区', '雨花区', '天心区'], 2),
  cn('郑州', 'Zhengzhou', 'Central China', '0371', ['金水区', '二七区', '郑东新区'], 2),
  cn('成都', 'Chengdu', 'Southwest China', '028', ['武侯区', '高新区', '锦江区', '双流区'], 3),
  cn('重庆', 'Chongqing', 'Southwest China', '023', ['渝北区', '江北区', '九龙坡区'], 2.5),
  cn('昆明', 'Kunming', 'Southwest China', '0871', ['五华区', '盘龙区'], 1),
  cn('沈阳', 'Shenyang', 'Northeast China', '024', ['和平区', '浑南区'], 1),
  cn('哈尔滨', 'Harbin', 'Northeast China', '0451', ['南岗区', '道里区'], 1),
  cn('大连', 'Dalian', 'Northeast China', '0411', ['甘井子区', '沙河口区'], 1),
  cn('西安', "Xi'an", 'Northwest China', '029', ['雁塔区', '未央区', '碑林区'], 2),
  cn('兰州', 'Lanzhou', 'Northwest China', '0931', ['城关区', '七里河区'], 0.5),
];

export const FOREIGN_CITIES: readonly City[] = [
  { zh: '香港', en: 'Hong Kong', country: 'HK', region: 'Greater China', areaCode: '+852', districts: ['Kowloon', 'Wan Chai', 'Sha Tin'], weight: 3 },
  { zh: '新加坡', en: 'Singapore', country: 'SG', region: 'Southeast Asia', areaCode: '+65', districts: ['Jurong', 'Tampines', 'Woodlands'], weight: 4 },
  { zh: '吉隆坡', en: 'Kuala Lumpur', country: 'MY', region: 'Southeast Asia', areaCode: '+60 3', districts: ['Petaling Jaya', 'Cheras'], weight: 2.5 },
  { zh: '槟城', en: 'Penang', country: 'MY', region: 'Southeast Asia', areaCode: '+60 4', districts: ['George Town'], weight: 1 },
  { zh: '伦敦', en: 'London', country: 'GB', region: 'Europe', areaCode: '+44 20', districts: ['Croydon', 'Hackney', 'Ealing'], weight: 2.5 },
  { zh: '曼彻斯特', en: 'Manchester', country: 'GB', region: 'Europe', areaCode: '+44 161', districts: ['Salford', 'Stockport'], weight: 1 },
  { zh: '汉堡', en: 'Hamburg', country: 'DE', region: 'Europe', areaCode: '+49 40', districts: ['Altona', 'Harburg'], weight: 1.2 },
  { zh: '慕尼黑', en: 'Munich', country: 'DE', region: 'Europe', areaCode: '+49 89', districts: ['Schwabing', 'Pasing'], weight: 0.8 },
  { zh: '西雅图', en: 'Seattle', country: 'US', region: 'North America', areaCode: '+1 206', districts: ['Ballard', 'Capitol Hill'], weight: 1.2 },
  { zh: '芝加哥', en: 'Chicago', country: 'US', region: 'North America', areaCode: '+1 312', districts: ['Lincoln Park', 'Pilsen'], weight: 1.2 },
  { zh: '休斯敦', en: 'Houston', country: 'US', region: 'North America', areaCode: '+1 713', districts: ['Midtown', 'Katy'], weight: 1 },
  { zh: '悉尼', en: 'Sydney', country: 'AU', region: 'Oceania', areaCode: '+61 2', districts: ['Parramatta', 'Chatswood'], weight: 1.8 },
  { zh: '墨尔本', en: 'Melbourne', country: 'AU', region: 'Oceania', areaCode: '+61 3', districts: ['Richmond', 'Dandenong'], weight: 1.2 },
  { zh: '迪拜', en: 'Dubai', country: 'AE', region: 'Middle East', areaCode: '+971 4', districts: ['Al Quoz', 'Deira', 'Jebel Ali'], weight: 2 },
];

export const CHINESE_ROADS: readonly string[] = [
  '人民', '中山', '解放', '建设', '长江', '延安', '南京', '淮海', '科技', '文化', '和平', '青年', '光明', '东风', '学院', '滨江',
  '新华', '迎宾', '金桥', '世纪', '创业', '环城', '振兴', '朝阳',
];

export const ENGLISH_STREETS: readonly string[] = [
  'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Road', 'Harbour Drive', 'King Street',
  'Queen Street', 'Orchard Road', 'Jalan Ampang', 'Sheikh Zayed Road', 'Elm Street', 'Maple Avenue', 'Industrial Way',
  'Hauptstraße', 'Bahnhofstraße', 'George Street', 'Collins Street', 'Nathan Road',
];

/** Brand words of Chinese company names (商号), with pinyin for web domains. */
export const CHINESE_BRANDS: readonly Pair[] = [
  ['华星', 'huaxing'], ['鑫源', 'xinyuan'], ['宏达', 'hongda'], ['恒泰', 'hengtai'], ['东方', 'dongfang'], ['金鼎', 'jinding'],
  ['瑞丰', 'ruifeng'], ['嘉禾', 'jiahe'], ['永盛', 'yongsheng'], ['中天', 'zhongtian'], ['博远', 'boyuan'], ['美家', 'meijia'],
  ['佳美', 'jiamei'], ['盛世', 'shengshi'], ['新概念', 'xingainian'], ['绿城', 'lvcheng'], ['百合', 'baihe'], ['汇通', 'huitong'],
  ['和信', 'hexin'], ['天诚', 'tiancheng'], ['众合', 'zhonghe'], ['远景', 'yuanjing'], ['宏图', 'hongtu'], ['顺发', 'shunfa'],
  ['广厦', 'guangsha'], ['巨匠', 'jujiang'], ['匠心', 'jiangxin'], ['立达', 'lida'], ['鸿运', 'hongyun'], ['金城', 'jincheng'],
  ['万家', 'wanjia'], ['富康', 'fukang'], ['正兴', 'zhengxing'], ['名筑', 'mingzhu'], ['优居', 'youju'], ['华辰', 'huachen'],
  ['锦绣', 'jinxiu'], ['凯达', 'kaida'], ['蓝天', 'lantian'], ['新纪元', 'xinjiyuan'], ['安泰', 'antai'], ['德润', 'derun'],
];

export const ENGLISH_ORG_WORDS: readonly string[] = [
  'Northwind', 'Bayside', 'Harbor', 'Summit', 'Greenfield', 'Redwood', 'Oakridge', 'BluePeak', 'Silverline', 'Ironbridge',
  'Westgate', 'Evergreen', 'Pinnacle', 'Crestview', 'Lakeshore', 'Stonegate', 'Brightwater', 'Kingsway', 'Maple Leaf',
  'Golden Gate', 'Riverside', 'Highland', 'Meridian', 'Atlas', 'Horizon', 'Sterling', 'Cornerstone', 'Fairview', 'Sunrise',
  'Orchard', 'Lion City', 'Pacific Rim', 'Desert Rose', 'Alpine', 'Hanseatic',
];

/** The company's legal suffix in each country. */
export const ORG_SUFFIX: Readonly<Record<string, readonly string[]>> = {
  CN: ['Co., Ltd.'],
  HK: ['Limited', 'Co. Ltd'],
  SG: ['Pte Ltd'],
  MY: ['Sdn Bhd'],
  GB: ['Ltd', 'Ltd', 'plc'],
  DE: ['GmbH', 'GmbH & Co. KG'],
  US: ['Inc.', 'LLC', 'Corp.'],
  AU: ['Pty Ltd'],
  AE: ['LLC', 'FZE'],
};

export const EMAIL_DOMAIN_TLD: Readonly<Record<string, string>> = {
  CN: 'com.cn', HK: 'com.hk', SG: 'com.sg', MY: 'com.my', GB: 'co.uk', DE: 'de', US: 'com', AU: 'com.au', AE: 'ae',
};

export function chineseName(rng: Random): { name: string; pinyinGiven: string; pinyinSurname: string } {
  const [surname, sp] = rng.weighted(CHINESE_SURNAMES.map(([s, p, w]) => [[s, p] as const, w] as const));
  const [given, gp] = rng.pick(CHINESE_GIVEN_NAMES);
  return { name: surname + given, pinyinGiven: gp, pinyinSurname: sp };
}

export function englishName(rng: Random): { name: string; first: string; last: string } {
  const first = rng.pick(ENGLISH_FIRST_NAMES);
  const last = rng.pick(ENGLISH_LAST_NAMES);
  return { name: `${first} ${last}`, first, last };
}

const digits = (rng: Random, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

export function chineseMobile(rng: Random): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}-${digits(rng, 4)}-${digits(rng, 4)}`;
}

/** A landline in the city's format: 021-6234-5678 in China, +44 20 7946 0123 abroad. */
export function landline(rng: Random, city: City): string {
  if (city.country === 'CN') {
    const local = city.areaCode.length === 3 ? `${rng.int(5, 8)}${digits(rng, 3)}-${digits(rng, 4)}` : `${rng.int(5, 8)}${digits(rng, 6)}`;
    return `${city.areaCode}-${local}`;
  }
  if (city.country === 'US') return `${city.areaCode} 555-01${digits(rng, 2)}`; // 555-01xx: reserved for fiction
  return `${city.areaCode} ${rng.int(2, 9)}${digits(rng, 3)} ${digits(rng, 4)}`;
}

export function foreignMobile(rng: Random, city: City): string {
  const cc = city.areaCode.split(' ')[0];
  return `${cc} ${rng.int(6, 9)}${digits(rng, 3)} ${digits(rng, 4)}`;
}

export function chineseAddress(rng: Random, city: City): string {
  return `${city.zh}市${rng.pick(city.districts)}${rng.pick(CHINESE_ROADS)}路${rng.int(1, 1888)}号`;
}

export function englishAddress(rng: Random, city: City): string {
  return `${rng.int(1, 240)} ${rng.pick(ENGLISH_STREETS)}, ${rng.pick(city.districts)}, ${city.en}`;
}

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
