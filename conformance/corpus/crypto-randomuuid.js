// RT-7 crypto.randomUUID(): RFC 4122 version 4 format, lower case, unique
export default {
  fetch() {
    const ids = Array.from({ length: 50 }, () => crypto.randomUUID());
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    return Response.json({ allV4: ids.every((id) => v4.test(id)), unique: new Set(ids).size, type: typeof ids[0], length: ids[0].length });
  },
};
