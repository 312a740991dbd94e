/** Simplified Chinese: an account's typed custom attributes. */
export const attributesZhCN = {
  title: '自定义属性',
  hint: '客户的其他特征，例如收入、家庭人数、员工数。数字型属性会用于客户分组和购买倾向模型。',
  add: '添加属性',
  name: '属性名',
  type: '类型',
  value: '值',
  types: { number: '数字', text: '文本', boolean: '是/否' },
  nameRequired: '请填写属性名',
  duplicate: '属性名“{{name}}”重复',
  notANumber: '请输入数字',
  remove: '删除属性',
};
