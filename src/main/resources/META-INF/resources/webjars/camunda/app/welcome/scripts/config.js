/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  // the application's script for every webapp (its login, the task forms' API helper, the candidates' view)
  "customScripts": ["../../../js/webapp"],
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // the application's own pages, on Camunda's welcome page
  links: [
    { label: '审核进度（各考点）', href: '../../../../admin/progress.html', description: '各考点审核状态、每日提交与审核、待办名单与导出、审核人员工作量' }
  ],
  "locales": {
    "availableLocales": ["zh", "en", "de"],
    // zh: a second locale loaded as fallback redefines the date locale and can leave 'x months ago' in English
    "fallbackLocale": "zh"
  },
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
