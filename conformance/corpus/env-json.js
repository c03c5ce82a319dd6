// RT-3 json bindings are parsed values (object, array, number, boolean, string) on env
// vars: {"CONFIG":{"a":1,"nested":{"list":[1,"two",null]}},"LIST":[3,2,1],"NUM":42,"FLAG":true,"STR_JSON":"plain"}
export default {
  fetch(request, env) {
    return Response.json({ config: env.CONFIG, list: env.LIST, num: env.NUM, flag: env.FLAG, str: env.STR_JSON,
      types: [typeof env.CONFIG, Array.isArray(env.LIST), typeof env.NUM, typeof env.FLAG] });
  },
};
