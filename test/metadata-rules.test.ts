/**
 * The text rules that decide metadata, table by table: dates, times, labelled lines, author names, title cleaning,
 * the resolver's rules per field, and the address's shape. Each row is an input with what it must give; near-misses
 * are rows too.
 */
import { describe, expect, it } from 'vitest';
import { urlShape } from '../src/extract/classify';
import { findTime, parseDate } from '../src/extract/dates';
import { authorNames, parseLabelledLine } from '../src/extract/labels';
import { looksLikePersonalName } from '../src/extract/lexicon';
import { resolve, STRENGTH, type Candidate } from '../src/extract/resolve';
import { cleanTitle } from '../src/extract/title';

describe('dates', () => {
  it.each([
    ['2024-01-20', '2024-01-20'],
    ['发布时间：2021-07-29 14:20:45', '2021-07-29T14:20:45'],
    ['2024年1月5日 星期五', '2024-01-05'],
    ['2023年04月07日 09:53', '2023-04-07T09:53'],
    ['2024/3/8', '2024-03-08'],
    ['2007-08-20-23:59:59', '2007-08-20T23:59:59'],
    ['2024.02.29', '2024-02-29'],
    // Not a calendar date: the next date on the line, or none.
    ['2023-02-31', null],
    ['2023-02-29', null],
    ['1900-02-29', null],
    ['2023-13-01', null],
    ['2023-04-31 更新于 2023-05-01', '2023-05-01'],
    ['2024-01-20 25:00', '2024-01-20'],
    ['电话：0571-88888888', null],
    ['第2024-1号', null],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ['19:02', '19:02'],
    ['发布于 9:30', '09:30'],
    ['08:05:12', '08:05:12'],
    ['2019-09-07 19:02', null],
    ['1:2', null],
    ['24:00', null],
  ])('a time without its day: %s → %s', (text, time) => {
    expect(findTime(text)).toBe(time);
  });
});

describe('labelled lines', () => {
  it.each([
    ['发布时间：2021-07-29 来源：天津日报 作者：张三', { publishedTime: '2021-07-29', source: '天津日报', author: '张三' }],
    ['来源: 新华社 | 编辑: 李四', { source: '新华社', editor: '李四' }],
    ['Time of issue: 2024-01-20 Origin: TIANJIN', { publishedTime: '2024-01-20', source: 'TIANJIN' }],
    ['编辑/苏芳 摄影/张艳', { editor: '苏芳' }],
    ['文/王五', { author: '王五' }],
    ['0 条评论 | 作者 魏星', { author: '魏星' }],
    ['本文来源于新京报', {}],
    ['来源：本文来源于新京报', { source: '新京报' }],
    ['来源：美文阅读网', { source: '美文阅读网' }],
    ['来源：求是网参与互动', { source: '求是网' }],
    ['浏览次数：1234', { views: '1234' }],
    ['图片来源：受访者供图', {}],
    ['责任编辑：王五 (2024-01-02)', { editor: '王五' }],
    ['作者：未知', {}],
    // A path is no label.
    ['https://example.com/author/zhang', {}],
  ])('%s', (line, fields) => {
    expect(parseLabelledLine(line).fields).toEqual(fields);
  });

  it('says which label each value followed', () => {
    expect(parseLabelledLine('供稿单位：县发改局 发布时间：2024-01-02').labelOf).toEqual({ author: '供稿单位', publishedTime: '发布时间' });
  });
});

describe('author names', () => {
  it.each([
    ['记者 陈智', '陈智'],
    ['刘玺东 易赛楠', '刘玺东 易赛楠'],
    ['叶知秋、林一舟、苏小刀', '叶知秋、林一舟、苏小刀'],
    ['张三，李四', '张三，李四'],
    // Mixed separators: a space.
    ['叶知秋、林一舟&苏小刀', '叶知秋 林一舟 苏小刀'],
    ['文/图 刘玺东', '刘玺东'],
    ['张三摄', '张三'],
    ['方敏北京大学经济学院教授', '方敏'],
    ['综合办公室', '综合办公室'],
    ['admin', null],
    ['转载请注明出处', null],
  ])('%s → %s', (raw, names) => {
    expect(authorNames(raw)).toBe(names);
  });
});

describe('personal names', () => {
  it.each([
    ['杨传武', true],
    ['张楠', true],
    ['欧阳修', true],
    ['扬眼', false],
    ['澎湃', false],
    ['界面', false],
    ['华夏人文', false],
    ['新华社', false],
    ['司马', false],
  ])('%s reads as a person: %s', (token, person) => {
    expect(looksLikePersonalName(token)).toBe(person);
  });
});

describe('titles from <title>', () => {
  it.each([
    ['关于开展安全检查的通知_通知公告_某某市人民政府', '关于开展安全检查的通知'],
    ['凝心聚力助发展-天津日报', '凝心聚力助发展'],
    ['戒指-美文网', '戒指'],
    ['1-10月全市经济运行情况', '1-10月全市经济运行情况'],
    ['标题一 | 某某大学新闻网', '标题一'],
  ])('%s → %s', (raw, title) => {
    expect(cleanTitle(raw)).toBe(title);
  });
});

describe('the resolver', () => {
  const c = (field: Candidate['field'], value: string, strength: number, label?: string): Candidate => ({ field, value, origin: 'header', strength, ...(label ? { label } : {}) });
  const ctx = { siteNames: ['光明网'], siteSuffix: '光明网' };

  it.each<[string, Candidate[], Record<string, string>]>([
    ['the strongest candidate wins, the first of equals', [c('source', '甲', STRENGTH.guess), c('source', '乙', STRENGTH.labelled), c('source', '丙', STRENGTH.labelled)], { source: '乙' }],
    ['a title without the info line its element also holds', [c('title', '市政府召开常务会议 来源：市政府办公室 时间：2024-01-02', STRENGTH.labelled)], { title: '市政府召开常务会议' }],
    ['a title without the stamp its element also holds', [c('title', '全市防汛工作会议召开 2024-06-02 10:30', STRENGTH.labelled)], { title: '全市防汛工作会议召开' }],
    ['a title keeps a date it names in words', [c('title', '全国人大常委会关于修改某法的决定（2019年10月26日）', STRENGTH.labelled)], { title: '全国人大常委会关于修改某法的决定（2019年10月26日）' }],
    ['a title that is the site name gives way', [c('title', '光明网', STRENGTH.labelled), c('title', '一篇文章的标题', STRENGTH.declared)], { title: '一篇文章的标题' }],
    ['a date that is no calendar date gives way', [c('publishedTime', '2023-02-31', STRENGTH.labelled), c('publishedTime', '2023-02-28', STRENGTH.declared)], { publishedTime: '2023-02-28' }],
    ['a time shown without its day joins the day the page declares', [c('time', '19:02', STRENGTH.slot), c('publishedTime', '2019-09-07', STRENGTH.declared)], { publishedTime: '2019-09-07T19:02' }],
    ['a source is a value, not the phrase before it', [c('source', '本文来源于新京报', STRENGTH.labelled)], { source: '新京报' }],
    ['a badge is no source', [c('source', '原创', STRENGTH.slot), c('source', '临川城市观察', STRENGTH.guess)], { source: '临川城市观察' }],
    ['an author is never the outlet', [c('author', '中国青年报', STRENGTH.labelled, '作者')], {}],
    ['an author is never the site', [c('author', '光明网', STRENGTH.slot)], {}],
    ['an author is never the 来源 value', [c('source', '某某县融媒体中心', STRENGTH.labelled), c('author', '某某县融媒体中心', STRENGTH.slot)], { source: '某某县融媒体中心' }],
    ['a unit is the author where the page labels it so', [c('author', '县发改局', STRENGTH.labelled, '供稿')], { author: '县发改局' }],
    ['a unit in an unlabelled slot is not', [c('author', '县发改局', STRENGTH.slot)], {}],
    ['a self-media account is the source, not the author', [c('author', '扬眼 企鹅号', STRENGTH.slot)], { source: '扬眼' }],
    ['a person stays the author', [c('author', '张楠', STRENGTH.labelled, '记者')], { author: '张楠' }],
  ])('%s', (_name, candidates, picked) => {
    expect(resolve(candidates, ctx)).toEqual(picked);
  });
});

describe('the address', () => {
  it.each([
    ['https://www.example.gov.cn/', 'home'],
    ['https://www.example.gov.cn/index.html', 'home'],
    ['https://www.example.gov.cn/xxgk/tzgg/index.html', 'list'],
    ['https://www.example.gov.cn/xxgk/tzgg/index_2.html', 'list'],
    ['https://fgw.example.gov.cn/col/col1229/index.html', 'list'],
    ['https://www.example.com/a/xwzx/list_38_1.html', 'list'],
    ['https://www.example.edu.cn/2681/list.htm', 'list'],
    ['https://www.example.com/plus/list.php?tid=5', 'list'],
    ['https://www.example.com/news.php?page=3', 'list'],
    ['https://www.example.gov.cn/art/2023/4/7/art_1229_5012345.html', 'article'],
    ['https://www.example.gov.cn/xxgk/202401/t20240105_123456.html', 'article'],
    ['https://www.example.edu.cn/info/1041/1201.htm', 'article'],
    ['https://www.example.com/a/2016/0815/100.html', 'article'],
    ['https://example.com/news/town-hall-opens-new-library', 'article'],
    ['https://example.com/?p=3289', 'unknown'],
    ['https://mp.weixin.qq.com/s?__biz=MjM5&mid=26&idx=1', 'article'],
    ['https://www.example.edu.cn/_web/search/doSearch.do?keyword=招生', 'search'],
    ['https://www.example.com/about.html', 'unknown'],
  ])('%s is %s', (url, shape) => {
    expect(urlShape(url)).toBe(shape);
  });
});
