/**
 * Chinese provinces and cities, weighted roughly by economic weight so customers cluster where
 * business does (Guangdong, Jiangsu, Zhejiang …), grouped into the sales areas teams cover.
 */
import type { WeightedChoice } from "../random.js";

export const SALES_AREAS = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"] as const;
export type SalesArea = (typeof SALES_AREAS)[number];

export interface Province {
  readonly name: string;
  readonly area: SalesArea;
  /** Prefecture-level cities, the first being the capital. */
  readonly cities: readonly string[];
}

const province = (name: string, area: SalesArea, cities: string[], weight: number) => ({
  value: { name, area, cities } satisfies Province,
  weight,
});

export const PROVINCES: readonly WeightedChoice<Province>[] = [
  province("广东省", "华南", ["广州", "深圳", "东莞", "佛山", "珠海", "中山", "惠州", "汕头"], 13),
  province("江苏省", "华东", ["南京", "苏州", "无锡", "常州", "南通", "扬州", "徐州"], 12),
  province("浙江省", "华东", ["杭州", "宁波", "温州", "绍兴", "嘉兴", "台州", "金华"], 9),
  province("山东省", "华东", ["济南", "青岛", "烟台", "潍坊", "淄博", "临沂"], 8),
  province("上海市", "华东", ["上海"], 5),
  province("北京市", "华北", ["北京"], 5),
  province("河南省", "华中", ["郑州", "洛阳", "新乡", "许昌"], 5),
  province("四川省", "西南", ["成都", "绵阳", "德阳", "宜宾"], 5),
  province("湖北省", "华中", ["武汉", "宜昌", "襄阳", "十堰"], 5),
  province("福建省", "华东", ["福州", "厦门", "泉州", "漳州"], 5),
  province("湖南省", "华中", ["长沙", "株洲", "湘潭", "岳阳"], 4),
  province("安徽省", "华东", ["合肥", "芜湖", "马鞍山", "滁州"], 4),
  province("河北省", "华北", ["石家庄", "唐山", "保定", "沧州"], 4),
  province("天津市", "华北", ["天津"], 2),
  province("重庆市", "西南", ["重庆"], 3),
  province("陕西省", "西北", ["西安", "宝鸡", "咸阳"], 3),
  province("江西省", "华中", ["南昌", "赣州", "九江"], 2),
  province("辽宁省", "东北", ["沈阳", "大连", "鞍山"], 3),
  province("广西壮族自治区", "华南", ["南宁", "柳州", "桂林"], 2),
  province("云南省", "西南", ["昆明", "曲靖", "玉溪"], 2),
  province("山西省", "华北", ["太原", "大同", "长治"], 2),
  province("内蒙古自治区", "华北", ["呼和浩特", "包头", "鄂尔多斯"], 2),
  province("贵州省", "西南", ["贵阳", "遵义"], 2),
  province("吉林省", "东北", ["长春", "吉林"], 1),
  province("黑龙江省", "东北", ["哈尔滨", "大庆", "齐齐哈尔"], 1),
  province("新疆维吾尔自治区", "西北", ["乌鲁木齐", "克拉玛依"], 1),
  province("甘肃省", "西北", ["兰州", "天水"], 1),
  province("海南省", "华南", ["海口", "三亚"], 1),
  province("宁夏回族自治区", "西北", ["银川"], 0.5),
  province("青海省", "西北", ["西宁"], 0.5),
];

/** Municipalities are cities and provinces at once: their names do not repeat in an address. */
export const isMunicipality = (name: string) => name.endsWith("市");

export const DISTRICT_WORDS = [
  "高新区",
  "经济开发区",
  "工业园区",
  "新区",
  "城区",
  "港区",
  "科技园",
] as const;
export const ROAD_WORDS = [
  "科技",
  "创业",
  "人民",
  "建设",
  "长江",
  "黄河",
  "中山",
  "解放",
  "发展",
  "兴业",
  "滨江",
  "新华",
] as const;
export const ROAD_SUFFIXES = ["路", "大道", "街"] as const;
export const BUILDING_WORDS = ["大厦", "产业园", "科技园", "中心", "广场"] as const;
export const HOME_WORDS = ["花园", "小区", "公寓", "新村", "家园", "雅苑"] as const;
