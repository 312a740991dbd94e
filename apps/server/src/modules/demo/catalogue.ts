/**
 * The demo company's catalogue (a home-improvement and building-supply business) and the shopping
 * "missions" baskets are drawn from. A mission is a job a customer buys for (paint a room, tile a
 * bathroom, rewire a flat); its slots are what that job needs, each with a chance of being in the
 * basket and a base quantity. Items bought for the same job co-occur, which is the structure
 * association-rule mining and product correlation should find (paint + rollers + masking tape,
 * tiles + adhesive + grout, fixtures + installation).
 */

export const CATEGORIES = [
  'building_materials',
  'tools',
  'paint',
  'lighting',
  'plumbing',
  'electrical',
  'flooring',
  'hardware',
  'smart_home',
  'services',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Tier = 'economy' | 'standard' | 'premium';

export interface CatalogueItem {
  sku: string;
  /** What the item is for in a mission; items sharing a slot are alternatives (sizes, grades). */
  slot: string;
  category: Category;
  kind: 'product' | 'service';
  zh: string;
  en: string;
  listPrice: number;
  unitCost: number;
  tier: Tier;
  /** Large packs that trade customers prefer. */
  bulk: boolean;
  valueAdded: boolean;
  /** Days before asOf the item was launched; null = long-standing item (launched before the history). */
  launchedDaysAgo: number | null;
}

type Row = [sku: string, slot: string, zh: string, en: string, listPrice: number, unitCost: number, flags?: string];

/** Flags: p = premium, e = economy, b = bulk pack, v = value-added, n<days> = launched that many days before asOf. */
const rows: Record<Category, Row[]> = {
  building_materials: [
    ['BM-1001', 'cement', '普通硅酸盐水泥 P.O 42.5 50kg', 'Portland cement P.O 42.5, 50 kg', 32, 23.5, 'b'],
    ['BM-1002', 'sand', '水洗河沙 40kg袋装', 'Washed river sand, 40 kg bag', 12, 7.8, 'b'],
    ['BM-1003', 'tile_adhesive', '瓷砖胶 C1 20kg', 'Tile adhesive C1, 20 kg', 58, 37],
    ['BM-1004', 'tile_adhesive', '柔性瓷砖胶 C2TE 20kg', 'Flexible tile adhesive C2TE, 20 kg', 92, 56, 'p'],
    ['BM-1005', 'grout', '填缝剂 2kg', 'Cement grout, 2 kg', 22, 11],
    ['BM-1006', 'grout', '环氧美缝剂', 'Epoxy grout kit', 88, 41, 'p'],
    ['BM-1007', 'tile_floor', '通体大理石瓷砖 800×800(箱/1.28㎡)', 'Porcelain floor tile 800×800 (box, 1.28 m²)', 168, 112],
    ['BM-1008', 'tile_floor', '仿古砖 600×600(箱/1.44㎡)', 'Rustic floor tile 600×600 (box, 1.44 m²)', 132, 84, 'e'],
    ['BM-1009', 'tile_floor', '岩板 900×1800', 'Sintered stone slab 900×1800', 580, 360, 'p'],
    ['BM-1010', 'tile_wall', '釉面墙砖 300×600(箱/1.44㎡)', 'Glazed wall tile 300×600 (box, 1.44 m²)', 98, 61],
    ['BM-1011', 'tile_wall', '木纹砖 200×1000(箱/1.2㎡)', 'Wood-look tile 200×1000 (box, 1.2 m²)', 156, 98, 'p'],
    ['BM-1012', 'waterproofing', 'JS防水涂料 18kg', 'JS waterproof coating, 18 kg', 265, 158],
    ['BM-1013', 'waterproofing', 'SBS防水卷材 10㎡', 'SBS waterproof membrane, 10 m² roll', 320, 205, 'b'],
    ['BM-1014', 'gypsum_board', '纸面石膏板 9.5mm 1200×2400', 'Gypsum board 9.5 mm, 1200×2400', 38, 26],
    ['BM-1015', 'gypsum_board', '防潮石膏板 12mm', 'Moisture-resistant gypsum board 12 mm', 55, 36, 'p'],
    ['BM-1016', 'keel', '轻钢龙骨 C50 3m', 'Light steel stud C50, 3 m', 17, 11],
    ['BM-1017', 'joint_tape', '石膏板接缝纸带 75m', 'Drywall joint tape, 75 m', 9, 3.6],
    ['BM-1018', 'brick', '加气混凝土砌块 600×200×200', 'AAC block 600×200×200', 9.5, 6.1, 'b'],
    ['BM-1019', 'insulation', 'XPS挤塑保温板 50mm', 'XPS insulation board, 50 mm', 46, 30],
    ['BM-1020', 'self_leveling', '自流平水泥 25kg', 'Self-levelling compound, 25 kg', 78, 46],
    ['BM-1021', 'tile_wall', '抗菌釉面砖 300×600(箱/1.44㎡)', 'Antibacterial glazed tile 300×600 (box, 1.44 m²)', 188, 118, 'pn62'],
  ],
  tools: [
    ['TL-2001', 'drill', '锂电手电钻 12V', 'Cordless drill 12 V', 259, 158, 'e'],
    ['TL-2002', 'drill', '无刷冲击钻 20V', 'Brushless hammer drill 20 V', 699, 430, 'p'],
    ['TL-2003', 'drill_bits', '钻头套装 20件', 'Drill bit set, 20 pcs', 69, 29],
    ['TL-2004', 'screws', '自攻螺丝 500只装', 'Self-tapping screws, box of 500', 28, 11, 'b'],
    ['TL-2005', 'anchors', '膨胀螺栓 M8 50套', 'Expansion anchors M8, 50 sets', 36, 14],
    ['TL-2006', 'tape_measure', '钢卷尺 5m', 'Tape measure 5 m', 25, 9.5],
    ['TL-2007', 'level', '激光水平仪 12线', 'Laser level, 12 lines', 599, 365, 'p'],
    ['TL-2008', 'level', '铝合金水平尺 60cm', 'Spirit level 60 cm', 45, 19, 'e'],
    ['TL-2009', 'trowel', '齿形镘刀 8mm', 'Notched trowel 8 mm', 26, 10],
    ['TL-2010', 'tile_spacers', '瓷砖十字卡 200只', 'Tile spacers, 200 pcs', 9, 2.8],
    ['TL-2011', 'tile_leveler', '瓷砖找平器 100套', 'Tile levelling clips, 100 sets', 58, 24],
    ['TL-2012', 'tile_cutter', '手动瓷砖推刀 800mm', 'Manual tile cutter 800 mm', 429, 270],
    ['TL-2013', 'hammer', '羊角锤 16oz', 'Claw hammer 16 oz', 38, 16],
    ['TL-2014', 'screwdriver_set', '螺丝刀套装 12件', 'Screwdriver set, 12 pcs', 45, 18],
    ['TL-2015', 'saw', '电圆锯 185mm', 'Circular saw 185 mm', 689, 440],
    ['TL-2016', 'angle_grinder', '角磨机 100mm', 'Angle grinder 100 mm', 229, 138],
    ['TL-2017', 'gloves', '劳保手套 12副', 'Work gloves, 12 pairs', 32, 13, 'b'],
    ['TL-2018', 'hard_hat', '安全帽', 'Safety helmet', 35, 14],
    ['TL-2019', 'toolbox', '工具箱 20寸', 'Tool box 20"', 89, 42],
    ['TL-2020', 'drill', '锂电工具套装 20V 四件套', 'Cordless combo kit 20 V, 4 tools', 1299, 820, 'pn41'],
  ],
  paint: [
    ['PT-3001', 'wall_paint', '内墙乳胶漆 5L', 'Interior latex paint 5 L', 168, 92, 'e'],
    ['PT-3002', 'wall_paint', '内墙乳胶漆 18L', 'Interior latex paint 18 L', 498, 285, 'b'],
    ['PT-3003', 'wall_paint', '净味抗甲醛乳胶漆 18L', 'Low-VOC formaldehyde-free paint 18 L', 880, 470, 'p'],
    ['PT-3004', 'ext_paint', '外墙弹性涂料 18L', 'Elastic exterior paint 18 L', 620, 372],
    ['PT-3005', 'primer', '抗碱底漆 5L', 'Alkali-resistant primer 5 L', 118, 60],
    ['PT-3006', 'primer', '抗碱底漆 18L', 'Alkali-resistant primer 18 L', 355, 196, 'b'],
    ['PT-3007', 'putty', '内墙腻子粉 20kg', 'Interior wall putty 20 kg', 36, 19],
    ['PT-3008', 'putty', '耐水腻子 20kg', 'Water-resistant putty 20 kg', 49, 27, 'p'],
    ['PT-3009', 'wood_varnish', '木器清漆 1L', 'Clear wood varnish 1 L', 78, 38],
    ['PT-3010', 'roller', '滚筒刷 9寸', 'Paint roller 9"', 22, 7.5],
    ['PT-3011', 'brush', '油漆刷套装 5支', 'Paint brush set, 5 pcs', 29, 10],
    ['PT-3012', 'masking_tape', '美纹纸胶带 48mm', 'Masking tape 48 mm', 6.5, 2.1],
    ['PT-3013', 'drop_cloth', '防尘保护膜 4×5m', 'Drop cloth 4×5 m', 15, 4.6],
    ['PT-3014', 'paint_tray', '涂料托盘', 'Paint tray', 12, 3.9],
    ['PT-3015', 'sandpaper', '砂纸 10张', 'Sandpaper, 10 sheets', 10, 3.2],
    ['PT-3016', 'spray', '自喷漆 400ml', 'Spray paint 400 ml', 25, 10],
    ['PT-3017', 'wall_paint', '微水泥艺术涂料 5kg', 'Microcement decorative finish 5 kg', 398, 190, 'pn75'],
  ],
  lighting: [
    ['LT-4001', 'led_bulb', 'LED球泡 9W E27', 'LED bulb 9 W E27', 12, 4.8, 'e'],
    ['LT-4002', 'led_bulb', 'LED球泡 15W E27', 'LED bulb 15 W E27', 18, 7.2],
    ['LT-4003', 'downlight', 'LED筒灯 7W', 'LED downlight 7 W', 45, 18, 'e'],
    ['LT-4004', 'downlight', '防眩筒灯 12W', 'Anti-glare downlight 12 W', 89, 36, 'pn540'],
    ['LT-4005', 'panel', 'LED平板灯 600×600', 'LED panel 600×600', 128, 60],
    ['LT-4006', 'ceiling_light', 'LED吸顶灯 36W', 'LED ceiling light 36 W', 199, 92],
    ['LT-4007', 'ceiling_light', '客厅调光吸顶灯 120W', 'Dimmable living-room ceiling light 120 W', 799, 360, 'p'],
    ['LT-4008', 'pendant', '餐厅吊灯', 'Dining pendant light', 459, 205],
    ['LT-4009', 'strip', 'LED灯带 5m', 'LED strip 5 m', 69, 26],
    ['LT-4010', 'track_light', '轨道射灯', 'Track spotlight', 108, 46],
    ['LT-4011', 'outdoor_light', '户外防水壁灯 IP65', 'Outdoor wall light IP65', 159, 68],
    ['LT-4012', 'emergency_light', '消防应急照明灯', 'Emergency light', 85, 38],
    ['LT-4013', 't8_tube', 'LED T8灯管 1.2m', 'LED T8 tube 1.2 m', 22, 8.6, 'b'],
    ['LT-4014', 'track_light', '无主灯磁吸轨道灯套装', 'Magnetic track lighting kit', 1280, 560, 'pn25'],
  ],
  plumbing: [
    ['PL-5001', 'ppr_pipe', 'PPR给水管 20mm 4m', 'PPR pipe 20 mm, 4 m', 18, 8.7],
    ['PL-5002', 'ppr_pipe', 'PPR给水管 25mm 4m', 'PPR pipe 25 mm, 4 m', 27, 13, 'b'],
    ['PL-5003', 'ppr_fittings', 'PPR管件套装', 'PPR fittings kit', 45, 17],
    ['PL-5004', 'pvc_drain', 'PVC排水管 110mm 4m', 'PVC drain pipe 110 mm, 4 m', 48, 26],
    ['PL-5005', 'faucet_kitchen', '厨房抽拉龙头', 'Pull-out kitchen faucet', 359, 160],
    ['PL-5006', 'faucet_basin', '面盆龙头', 'Basin faucet', 189, 82],
    ['PL-5007', 'shower', '淋浴花洒套装', 'Shower set', 699, 320],
    ['PL-5008', 'shower', '恒温淋浴花洒', 'Thermostatic shower set', 1599, 760, 'p'],
    ['PL-5009', 'toilet', '连体坐便器', 'One-piece toilet', 1299, 690],
    ['PL-5010', 'toilet', '智能马桶一体机', 'Smart toilet', 3599, 1980, 'p'],
    ['PL-5011', 'vanity', '浴室柜组合 80cm', 'Bathroom vanity set 80 cm', 1899, 960],
    ['PL-5012', 'water_heater', '电热水器 60L', 'Electric water heater 60 L', 1699, 1040],
    ['PL-5013', 'angle_valve', '角阀', 'Angle valve', 25, 9.5],
    ['PL-5014', 'ball_valve', '铜球阀 DN20', 'Brass ball valve DN20', 39, 16],
    ['PL-5015', 'ptfe_tape', '生料带', 'PTFE tape', 3.5, 0.9],
    ['PL-5016', 'floor_drain', '防臭地漏', 'Odour-proof floor drain', 69, 24],
    ['PL-5017', 'hose', '不锈钢编织软管 60cm', 'Braided hose 60 cm', 22, 7.6],
    ['PL-5018', 'sink', '不锈钢水槽', 'Stainless-steel kitchen sink', 599, 280],
    ['PL-5019', 'water_purifier', '厨下净水器', 'Under-sink water purifier', 1999, 1100, 'n300'],
  ],
  electrical: [
    ['EL-6001', 'cable', 'BV电线 2.5㎡ 100m', 'BV wire 2.5 mm², 100 m', 239, 172],
    ['EL-6002', 'cable', 'BV电线 4㎡ 100m', 'BV wire 4 mm², 100 m', 389, 285, 'b'],
    ['EL-6003', 'conduit', 'PVC电工套管 20mm 3.8m', 'PVC conduit 20 mm, 3.8 m', 6.5, 3.1],
    ['EL-6004', 'junction_box', '86型暗盒', 'Flush box, type 86', 2.5, 0.85],
    ['EL-6005', 'switch', '单开单控开关', 'One-gang switch', 18, 6.8],
    ['EL-6006', 'switch', '双控开关', 'Two-way switch', 28, 10.5],
    ['EL-6007', 'socket', '五孔插座', '5-pin socket', 19, 7.2],
    ['EL-6008', 'socket', 'USB插座', 'USB socket', 59, 23, 'p'],
    ['EL-6009', 'breaker', '微型断路器 C32', 'Circuit breaker C32', 39, 16],
    ['EL-6010', 'rcbo', '漏电保护器 32A', 'RCBO 32 A', 89, 38],
    ['EL-6011', 'distribution_box', '强电配电箱 20回路', 'Distribution box, 20 ways', 189, 82],
    ['EL-6012', 'power_strip', '插线板 六位', 'Power strip, 6 outlets', 49, 19],
    ['EL-6013', 'electrical_tape', '绝缘胶布', 'Insulating tape', 4, 1.2],
    ['EL-6014', 'network_cable', '超五类网线 305m', 'Cat5e cable, 305 m', 329, 205],
    ['EL-6015', 'ev_charger', '家用交流充电桩 7kW', 'Home EV charger 7 kW', 2499, 1480, 'n55'],
  ],
  flooring: [
    ['FL-7001', 'flooring', '强化复合地板 12mm(㎡)', 'Laminate flooring 12 mm (m²)', 89, 51, 'e'],
    ['FL-7002', 'flooring', '实木复合地板 橡木(㎡)', 'Engineered oak flooring (m²)', 268, 158],
    ['FL-7003', 'flooring', 'SPC石塑地板(㎡)', 'SPC vinyl flooring (m²)', 119, 66, 'n600'],
    ['FL-7004', 'underlay', '地板防潮垫(㎡)', 'Flooring underlay (m²)', 6, 2],
    ['FL-7005', 'skirting', '踢脚线 2.4m', 'Skirting board 2.4 m', 28, 11],
    ['FL-7006', 'threshold', '扣条 0.9m', 'Threshold strip 0.9 m', 18, 6],
    ['FL-7007', 'floor_care', '木地板精油', 'Wood floor care oil', 45, 16],
    ['FL-7008', 'flooring', '实木地板(㎡)', 'Solid wood flooring (m²)', 458, 290, 'p'],
  ],
  hardware: [
    ['HW-8001', 'door_lock', '室内静音门锁', 'Silent interior door lock', 129, 52],
    ['HW-8002', 'hinge', '不锈钢合页(对)', 'Stainless-steel hinges (pair)', 15, 5.4],
    ['HW-8003', 'handle', '柜门拉手 10个', 'Cabinet handles, 10 pcs', 49, 18],
    ['HW-8004', 'door_stopper', '门吸', 'Door stopper', 19, 6],
    ['HW-8005', 'drawer_slide', '阻尼抽屉滑轨(对)', 'Soft-close drawer slides (pair)', 35, 13],
    ['HW-8006', 'window_seal', '门窗密封条 10m', 'Window seal strip 10 m', 25, 8],
    ['HW-8007', 'padlock', '挂锁 50mm', 'Padlock 50 mm', 29, 10.5],
    ['HW-8008', 'shelf_bracket', '层板托 4只', 'Shelf brackets, 4 pcs', 22, 7],
    ['HW-8009', 'door_closer', '闭门器', 'Door closer', 139, 58],
    ['HW-8010', 'smart_lock', '指纹密码锁', 'Fingerprint door lock', 1299, 690],
  ],
  smart_home: [
    ['SH-9001', 'smart_lock', '人脸识别智能门锁', 'Face-recognition smart lock', 2299, 1260, 'pn80'],
    ['SH-9002', 'smart_switch', '智能开关 单键', 'Smart wall switch, 1 gang', 129, 52],
    ['SH-9003', 'smart_bulb', '智能灯泡 Wi-Fi', 'Wi-Fi smart bulb', 59, 24],
    ['SH-9004', 'gateway', '智能网关', 'Smart home gateway', 299, 138],
    ['SH-9005', 'sensor', '门窗传感器', 'Door/window sensor', 79, 30],
    ['SH-9006', 'sensor', '人体传感器', 'Motion sensor', 89, 34],
    ['SH-9007', 'doorbell', '可视门铃', 'Video doorbell', 499, 250],
    ['SH-9008', 'curtain_motor', '智能窗帘电机', 'Smart curtain motor', 899, 470],
    ['SH-9009', 'camera', '室内摄像头', 'Indoor security camera', 249, 118],
    ['SH-9010', 'gateway', '智能中控屏', 'Smart home control panel', 1499, 720, 'pn15'],
    ['SH-9011', 'smoke_detector', '智能烟雾报警器', 'Smart smoke detector', 149, 60, 'n420'],
  ],
  services: [
    ['SV-0001', 'install_lighting', '灯具安装(每盏)', 'Light fitting installation (per fixture)', 60, 32, 'v'],
    ['SV-0002', 'install_sanitary', '洁具安装(每件)', 'Sanitary ware installation (per item)', 280, 150, 'v'],
    ['SV-0003', 'install_flooring', '地板铺装(㎡)', 'Floor installation (per m²)', 35, 21, 'v'],
    ['SV-0004', 'tiling_labour', '瓷砖铺贴(㎡)', 'Tiling labour (per m²)', 70, 45, 'v'],
    ['SV-0005', 'painting_labour', '墙面涂刷(㎡)', 'Wall painting labour (per m²)', 22, 13, 'v'],
    ['SV-0006', 'rewiring', '电路改造(每点位)', 'Rewiring (per point)', 120, 70, 'v'],
    ['SV-0007', 'smart_install', '智能家居安装调试', 'Smart home set-up', 399, 170, 'v'],
    ['SV-0008', 'delivery', '送货上门', 'Home delivery', 60, 38],
    ['SV-0009', 'design', '装修设计咨询', 'Design consultation', 1800, 700, 'v'],
    ['SV-0010', 'warranty_appliance', '电器洁具延保 3年', 'Extended warranty, 3 years (appliances)', 299, 55, 'v'],
    ['SV-0011', 'warranty_tools', '电动工具延保 2年', 'Power tool extended warranty, 2 years', 99, 18, 'v'],
    ['SV-0012', 'maintenance_contract', '年度维保合同', 'Annual maintenance contract', 6800, 3900, 'v'],
    ['SV-0013', 'premium_support', '尊享服务包(12个月)', 'Premium support plan (12 months)', 1200, 320, 'v'],
    ['SV-0014', 'waterproof_test', '闭水试验', 'Waterproof test', 200, 85, 'v'],
    ['SV-0015', 'site_survey', '上门测量', 'On-site measuring', 100, 60],
    ['SV-0016', 'disposal', '建筑垃圾清运(每车)', 'Debris removal (per trip)', 300, 210],
    ['SV-0017', 'care_plan', '全屋焕新保养套餐', 'Whole-home care plan', 2999, 1500, 'vn50'],
  ],
};

export const CATALOGUE: readonly CatalogueItem[] = CATEGORIES.flatMap((category) =>
  rows[category].map(([sku, slot, zh, en, listPrice, unitCost, flags = '']): CatalogueItem => {
    const launched = /n(\d+)/.exec(flags);
    return {
      sku,
      slot,
      category,
      kind: category === 'services' ? 'service' : 'product',
      zh,
      en,
      listPrice,
      unitCost,
      tier: flags.includes('p') ? 'premium' : flags.includes('e') ? 'economy' : 'standard',
      bulk: flags.includes('b'),
      valueAdded: flags.includes('v'),
      launchedDaysAgo: launched ? Number(launched[1]) : null,
    };
  }),
);

/** Items launched within this many days before asOf count as "new". */
export const NEW_ITEM_DAYS = 90;

export interface MissionSlot {
  slot: string;
  /** Chance the slot is in the basket (value-added slots: scaled by the customer's propensity). */
  p: number;
  /** Quantity for a typical consumer job; the whole basket is scaled to the order's value. */
  qty: number;
  /** Core slots: at least one of them is always in the basket. */
  core?: boolean;
  /** Fixed quantity (a contract, a consultation): not scaled with the order value. */
  fixed?: boolean;
}

export interface Mission {
  key: string;
  zh: string;
  en: string;
  slots: MissionSlot[];
}

const s = (slot: string, p: number, qty: number, extra: Partial<MissionSlot> = {}): MissionSlot => ({ slot, p, qty, ...extra });
const core = (slot: string, p: number, qty: number): MissionSlot => s(slot, p, qty, { core: true });

export const MISSIONS: readonly Mission[] = [
  { key: 'paint_room', zh: '墙面刷新', en: 'repainting', slots: [core('wall_paint', 1, 3), s('primer', 0.7, 1), s('putty', 0.5, 4), s('roller', 0.8, 2), s('brush', 0.6, 1), s('masking_tape', 0.7, 4), s('drop_cloth', 0.45, 2), s('paint_tray', 0.4, 1), s('sandpaper', 0.35, 2), s('painting_labour', 0.15, 40)] },
  { key: 'facade', zh: '外墙翻新', en: 'facade renovation', slots: [core('ext_paint', 1, 4), s('primer', 0.6, 2), s('roller', 0.6, 3), s('brush', 0.4, 1), s('masking_tape', 0.4, 3), s('waterproofing', 0.2, 1)] },
  { key: 'woodwork', zh: '木作翻新', en: 'woodwork', slots: [core('wood_varnish', 1, 2), s('brush', 0.8, 1), s('sandpaper', 0.8, 3), s('spray', 0.3, 2), s('masking_tape', 0.3, 2)] },
  { key: 'tiling', zh: '铺贴瓷砖', en: 'tiling', slots: [core('tile_floor', 0.65, 12), core('tile_wall', 0.5, 10), s('tile_adhesive', 0.9, 8), s('grout', 0.8, 3), s('trowel', 0.4, 1), s('tile_spacers', 0.5, 2), s('tile_leveler', 0.3, 2), s('self_leveling', 0.15, 4), s('tile_cutter', 0.05, 1), s('tiling_labour', 0.2, 15)] },
  { key: 'bathroom', zh: '卫生间改造', en: 'bathroom refit', slots: [core('toilet', 0.6, 1), core('shower', 0.7, 1), s('vanity', 0.35, 1), s('faucet_basin', 0.5, 1), s('floor_drain', 0.6, 2), s('angle_valve', 0.7, 4), s('hose', 0.6, 2), s('waterproofing', 0.45, 2), s('ptfe_tape', 0.4, 2), s('install_sanitary', 0.35, 2), s('warranty_appliance', 0.15, 1, { fixed: true }), s('waterproof_test', 0.15, 1, { fixed: true })] },
  { key: 'kitchen', zh: '厨房水路', en: 'kitchen plumbing', slots: [core('sink', 0.6, 1), core('faucet_kitchen', 0.8, 1), s('angle_valve', 0.6, 2), s('hose', 0.6, 2), s('water_purifier', 0.2, 1), s('install_sanitary', 0.3, 1)] },
  { key: 'plumbing_repair', zh: '水管维修', en: 'plumbing repair', slots: [core('ppr_pipe', 0.9, 5), s('ppr_fittings', 0.8, 2), s('ball_valve', 0.5, 2), s('angle_valve', 0.4, 2), s('ptfe_tape', 0.8, 3), s('pvc_drain', 0.3, 2), s('hose', 0.3, 2)] },
  { key: 'water_heating', zh: '热水器更换', en: 'water heater', slots: [core('water_heater', 1, 1), s('angle_valve', 0.6, 2), s('hose', 0.6, 2), s('install_sanitary', 0.4, 1, { fixed: true }), s('warranty_appliance', 0.3, 1, { fixed: true })] },
  { key: 'lighting', zh: '家居照明', en: 'home lighting', slots: [core('downlight', 0.7, 8), core('ceiling_light', 0.5, 2), s('pendant', 0.2, 1), s('led_bulb', 0.4, 6), s('strip', 0.3, 2), s('track_light', 0.2, 4), s('switch', 0.35, 4), s('install_lighting', 0.3, 6)] },
  { key: 'commercial_lighting', zh: '商业照明', en: 'commercial lighting', slots: [core('panel', 0.8, 20), core('t8_tube', 0.6, 30), s('emergency_light', 0.5, 6), s('downlight', 0.4, 20), s('outdoor_light', 0.2, 4), s('breaker', 0.2, 4), s('install_lighting', 0.15, 20)] },
  { key: 'wiring', zh: '电路改造', en: 'rewiring', slots: [core('cable', 0.9, 2), s('conduit', 0.8, 25), s('junction_box', 0.8, 15), s('switch', 0.6, 6), s('socket', 0.8, 10), s('breaker', 0.5, 4), s('rcbo', 0.3, 1), s('distribution_box', 0.3, 1), s('electrical_tape', 0.6, 3), s('rewiring', 0.2, 8)] },
  { key: 'flooring', zh: '铺设地板', en: 'flooring', slots: [core('flooring', 1, 30), s('underlay', 0.85, 30), s('skirting', 0.7, 12), s('threshold', 0.4, 3), s('floor_care', 0.2, 1), s('install_flooring', 0.45, 30)] },
  { key: 'drywall', zh: '轻钢龙骨隔墙吊顶', en: 'drywall', slots: [core('gypsum_board', 1, 20), s('keel', 0.9, 30), s('screws', 0.7, 2), s('joint_tape', 0.6, 3), s('putty', 0.5, 5)] },
  { key: 'masonry', zh: '砌筑找平', en: 'masonry', slots: [core('cement', 1, 10), s('sand', 0.85, 15), s('brick', 0.5, 120), s('waterproofing', 0.25, 2), s('insulation', 0.2, 20), s('disposal', 0.2, 1)] },
  { key: 'power_tools', zh: '电动工具', en: 'power tools', slots: [core('drill', 0.6, 1), core('angle_grinder', 0.25, 1), s('saw', 0.15, 1), s('drill_bits', 0.6, 1), s('screws', 0.4, 1), s('anchors', 0.4, 1), s('toolbox', 0.2, 1), s('warranty_tools', 0.2, 1)] },
  { key: 'hand_tools', zh: '手动工具', en: 'hand tools', slots: [core('tape_measure', 0.5, 1), core('hammer', 0.4, 1), s('level', 0.35, 1), s('screwdriver_set', 0.4, 1), s('gloves', 0.4, 2), s('hard_hat', 0.2, 2), s('tile_cutter', 0.08, 1)] },
  { key: 'hardware', zh: '门窗五金', en: 'door and cabinet hardware', slots: [core('door_lock', 0.5, 3), core('hinge', 0.6, 6), s('handle', 0.5, 2), s('door_stopper', 0.4, 3), s('drawer_slide', 0.4, 4), s('window_seal', 0.3, 2), s('shelf_bracket', 0.3, 2), s('door_closer', 0.15, 2), s('padlock', 0.15, 1)] },
  { key: 'smart_home', zh: '智能家居', en: 'smart home', slots: [core('smart_lock', 0.45, 1), core('gateway', 0.6, 1), s('smart_switch', 0.5, 4), s('smart_bulb', 0.45, 4), s('sensor', 0.45, 3), s('doorbell', 0.25, 1), s('curtain_motor', 0.2, 1), s('camera', 0.3, 1), s('smoke_detector', 0.25, 2), s('smart_install', 0.35, 1, { fixed: true })] },
  { key: 'facility', zh: '设施维护', en: 'facility maintenance', slots: [core('panel', 0.3, 10), core('t8_tube', 0.3, 20), s('emergency_light', 0.3, 4), s('breaker', 0.3, 4), s('door_closer', 0.3, 3), s('padlock', 0.2, 4), s('angle_valve', 0.3, 6), s('ball_valve', 0.2, 4), s('wall_paint', 0.2, 4), s('smoke_detector', 0.2, 6), s('power_strip', 0.3, 5), s('network_cable', 0.15, 1), s('maintenance_contract', 0.06, 1, { fixed: true }), s('premium_support', 0.06, 1, { fixed: true })] },
  { key: 'design', zh: '设计咨询', en: 'design consultation', slots: [core('design', 1, 1), s('site_survey', 0.6, 1, { fixed: true }), s('care_plan', 0.2, 1, { fixed: true })] },
  { key: 'ev_charging', zh: '充电桩安装', en: 'EV charger', slots: [core('ev_charger', 1, 1), s('cable', 0.5, 1), s('rcbo', 0.6, 1), s('rewiring', 0.5, 4)] },
];

/**
 * Customer segments (latent: not stored, the analytics should find them) and how much each
 * favours each mission. A customer mixes a primary and sometimes a secondary segment, so
 * membership is fuzzy: a home owner who also fixes things for others.
 */
export const SEGMENT_MISSIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  homeowner: { paint_room: 3, tiling: 2, bathroom: 2, kitchen: 1.2, lighting: 2, flooring: 1.8, hardware: 1.5, smart_home: 1, plumbing_repair: 0.8, water_heating: 0.6, woodwork: 0.5, hand_tools: 0.5, design: 0.3, wiring: 0.6, ev_charging: 0.4 },
  diy: { power_tools: 2.5, hand_tools: 2.5, paint_room: 2, woodwork: 1.5, hardware: 2, plumbing_repair: 1.2, lighting: 1.2, smart_home: 0.8, drywall: 0.4 },
  landlord: { plumbing_repair: 2, paint_room: 2, hardware: 2, lighting: 1.5, water_heating: 1, kitchen: 0.8, bathroom: 0.8, flooring: 0.8 },
  tradesperson: { plumbing_repair: 2.5, wiring: 2.5, tiling: 2, paint_room: 1.5, drywall: 1, power_tools: 1, hand_tools: 1, bathroom: 1, lighting: 1 },
  contractor: { tiling: 2, drywall: 2, masonry: 2, wiring: 2, paint_room: 2, plumbing_repair: 1.5, flooring: 1.2, bathroom: 1, facade: 1, commercial_lighting: 1, hand_tools: 0.6 },
  retailer: { power_tools: 2, hand_tools: 2, hardware: 2, lighting: 1.5, paint_room: 1.5, plumbing_repair: 1.5, wiring: 1.5, smart_home: 1, woodwork: 0.8 },
  decorator: { paint_room: 2, tiling: 2, flooring: 2, bathroom: 1.5, kitchen: 1.2, lighting: 1.5, smart_home: 1, hardware: 1, design: 0.2 },
  property_mgmt: { facility: 3, commercial_lighting: 2, plumbing_repair: 2, paint_room: 1, hardware: 1, wiring: 0.8, smart_home: 0.5 },
  office: { facility: 2, commercial_lighting: 2, lighting: 1, wiring: 1, paint_room: 1, smart_home: 0.8, hardware: 0.8, flooring: 0.5 },
  institution: { facility: 3, commercial_lighting: 2.5, paint_room: 1.5, plumbing_repair: 1.5, wiring: 1, hardware: 1, facade: 0.6, flooring: 0.5 },
  internal: { facility: 2, commercial_lighting: 1, smart_home: 1.5, lighting: 1, paint_room: 1, hardware: 1, hand_tools: 0.5 },
};

/** Secondary segments that blend with a primary one (fuzzy membership). */
export const SEGMENT_NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  homeowner: ['diy', 'landlord'],
  diy: ['homeowner', 'tradesperson'],
  landlord: ['homeowner', 'diy'],
  tradesperson: ['diy', 'contractor'],
  contractor: ['decorator', 'retailer'],
  retailer: ['contractor'],
  decorator: ['contractor', 'homeowner'],
  property_mgmt: ['office', 'institution'],
  office: ['property_mgmt'],
  institution: ['property_mgmt'],
  internal: ['office'],
};
