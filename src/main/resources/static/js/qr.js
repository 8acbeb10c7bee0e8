/*
 * The application's browser helpers, shared by its pages (a <script src>) and the task forms inside Camunda's
 * webapps (loaded for them by js/webapp.js): QR.api calls the application's API in the session of the one login,
 * QR.moment and QR.day write dates as every page and message does (2027年1月16日 14:03, Beijing time).
 */
window.QR = (function () {
  'use strict';

  function csrfToken() {
    var found = document.cookie.match(/(?:^|; )QR-XSRF-TOKEN=([^;]*)/);
    return found ? decodeURIComponent(found[1]) : '';
  }

  /**
   * fetch with JSON (or a FormData body as it is) and the session's CSRF header. Resolves with the answer's data
   * (null without a body); rejects with the answer's error body, which always has a Chinese message.
   */
  function api(method, url, body) {
    var headers = { 'Accept': 'application/json', 'X-QR-XSRF-TOKEN': csrfToken() };
    if (body && !(body instanceof FormData) && !(body instanceof URLSearchParams)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (notJson) { data = null; }
          if (response.ok) { return data; }
          var problem = data && typeof data === 'object' ? data : {};
          problem.status = response.status;
          problem.message = problem.message || '请求失败（HTTP ' + response.status + '），请稍后重试';
          throw problem;
        });
      }, function () {
        throw { status: 0, message: '网络连接失败，请检查网络后重试' };
      });
  }

  /** 退出登录 from any page: the session ends, the app's login page opens. */
  function logOut() {
    return api('POST', '/api/logout').catch(function () { return null; }).then(function () {
      window.location.assign('/login.html');
    });
  }

  var BEIJING = 'Asia/Shanghai';

  function parts(date, withTime) {
    var options = { timeZone: BEIJING, year: 'numeric', month: 'numeric', day: 'numeric' };
    if (withTime) { options.hour = '2-digit'; options.minute = '2-digit'; options.hourCycle = 'h23'; }
    var found = {};
    new Intl.DateTimeFormat('en-US', options).formatToParts(date).forEach(function (part) {
      found[part.type] = part.value;
    });
    return found;
  }

  /** An instant (ISO text or Date) in Beijing time: 2027年1月16日 14:03. */
  function moment(value) {
    if (!value) { return ''; }
    var p = parts(new Date(value), true);
    return p.year + '年' + p.month + '月' + p.day + '日 ' + p.hour + ':' + p.minute;
  }

  /** A calendar day (2027-01-16): 2027年1月16日. */
  function day(value) {
    if (!value) { return ''; }
    var found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return found ? found[1] + '年' + Number(found[2]) + '月' + Number(found[3]) + '日' : value;
  }

  return { api: api, logOut: logOut, moment: moment, day: day };
}());
