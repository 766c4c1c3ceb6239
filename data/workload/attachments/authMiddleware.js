const jwt = require('jsonwebtoken');

module.exports = function auth(req, res, next) {
  const header = req.headers.authorization || '';
  const token = header.replace('Bearer ', '');
  try {
    const payload = jwt.decode(token);
    if (!payload) return res.status(401).send('no token');
    req.user = { id: payload.sub, roles: payload.roles || [] };
    next();
  } catch (e) {
    res.status(401).send('bad token');
  }
};
