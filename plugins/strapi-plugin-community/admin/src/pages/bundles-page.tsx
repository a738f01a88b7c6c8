import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Link,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { fenToYuanText, formatFen, yuanToFen } from '@community/contracts';

type Lesson = { documentId: string; title: string; position: number; free_preview: boolean };
type Warning = { code: string; zh: string; en: string };
type Pricing = {
  fullPriceFen: number | null;
  courseLessonCount: number;
  bundleLessonCount: number;
  perLessonSumFen: number | null;
  bundlePriceFen: number;
  savingFen: number | null;
  savingPercent: number | null;
  coversWholeCourse: boolean;
  warnings: Warning[];
};
type Suggestion = {
  kind: 'taster' | 'pack';
  name: { zh: string; en: string };
  lessonDocumentIds: string[];
  priceFen: number;
  rule: string;
  pricing: Pricing;
};
type Course = { documentId: string; title: string; price_fen: number | null; lessons: Lesson[]; suggestions: Suggestion[] };

const BUNDLE_UID = 'plugin::community.lesson-bundle';

function errorMessage(error: unknown): string {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
  return e.response?.data?.error?.message ?? e.message ?? String(error);
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="beta">{value}</Typography>
      {hint && (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      )}
    </Flex>
  );
}

/**
 * 拆分课程包 Bundles: pick a course, tick lessons, type a price, see what buyers save against
 * the per-lesson price, and save the bundle as a draft for the content manager.
 */
export function BundlesPage() {
  const { get, post } = useFetchClient();
  const [courses, setCourses] = React.useState<Course[] | undefined>();
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [courseId, setCourseId] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<string[]>([]);
  const [priceText, setPriceText] = React.useState('');
  const [name, setName] = React.useState('');
  const [validityDays, setValidityDays] = React.useState<number | undefined>();
  const [pricing, setPricing] = React.useState<Pricing | null>(null);
  const [previewError, setPreviewError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [saved, setSaved] = React.useState<{ documentId: string; name: string } | null>(null);
  const [saveError, setSaveError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: Course[] }>('/community/bundle-pricing/courses')
      .then(({ data }) => setCourses(data.data))
      .catch((error) => setLoadError(errorMessage(error)));
  }, [get]);

  const course = courses?.find((c) => c.documentId === courseId) ?? null;
  const priceFen = yuanToFen(priceText);

  // Ask the server for the pricing whenever the inputs settle (the rules live in one place).
  React.useEffect(() => {
    if (!course || priceFen === null) {
      setPricing(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      post<{ data: Pricing }>('/community/bundle-pricing/preview', {
        courseDocumentId: course.documentId,
        lessonDocumentIds: selected,
        priceFen,
      })
        .then(({ data }) => {
          if (!alive) return;
          setPricing(data.data);
          setPreviewError(null);
        })
        .catch((error) => alive && setPreviewError(errorMessage(error)));
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [post, course, selected, priceFen]);

  const chooseCourse = (value: string | number) => {
    setCourseId(String(value));
    setSelected([]);
    setPricing(null);
    setSaved(null);
  };
  const toggle = (documentId: string, on: boolean) =>
    setSelected((current) => (on ? [...new Set([...current, documentId])] : current.filter((id) => id !== documentId)));
  const useSuggestion = (s: Suggestion) => {
    setSelected(s.lessonDocumentIds);
    setPriceText(fenToYuanText(s.priceFen));
    setName(s.name.zh);
    setSaved(null);
  };

  const canSave = Boolean(course && name.trim() && selected.length > 0 && priceFen !== null && Number.isInteger(priceFen));
  const save = async () => {
    if (!course || priceFen === null) return;
    setSaving(true);
    setSaveError(null);
    try {
      const { data } = await post<{ data: { documentId: string } }>('/community/bundles', {
        courseDocumentId: course.documentId,
        name: name.trim(),
        lessonDocumentIds: selected,
        priceFen,
        validityDays: validityDays ?? null,
      });
      setSaved({ documentId: data.data.documentId, name: name.trim() });
    } catch (error) {
      setSaveError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <Page.Error />;
  if (!courses) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>拆分课程包 Bundles</Page.Title>
      <Layouts.Header
        title="拆分课程包 Bundles"
        subtitle="把一门课拆成低价试听包和核心课包：选课程、勾选课时、定价，看看买家相比单讲能省多少。Split a course into lesson bundles."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="course" hint="草稿课程也会列出 Drafts included">
                  <Field.Label>课程 Course</Field.Label>
                  <SingleSelect value={courseId} onChange={chooseCourse} placeholder="选择课程 Pick a course">
                    {courses.map((c) => (
                      <SingleSelectOption key={c.documentId} value={c.documentId}>
                        {`${c.title} · ${c.price_fen === null ? '未定价' : formatFen(c.price_fen)} · ${c.lessons.length} 讲`}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="name" required>
                  <Field.Label>课程包名称 Name</Field.Label>
                  <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} placeholder="例如：3 讲试听包" />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="price"
                  required
                  error={priceText && priceFen === null ? '请输入金额，如 29.9 (a yuan amount, e.g. 29.9)' : undefined}
                  hint={priceFen !== null ? `= ${Number.isInteger(priceFen) ? priceFen : priceFen.toFixed(1)} 分 fen` : '元 yuan'}
                >
                  <Field.Label>价格（元） Price (¥)</Field.Label>
                  <TextInput value={priceText} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPriceText(e.target.value)} placeholder="29.9" />
                  <Field.Error />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="validity" hint="留空为永久 Empty = forever">
                  <Field.Label>有效期（天） Validity (days)</Field.Label>
                  <NumberInput value={validityDays} onValueChange={setValidityDays} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
          </Box>

          {course && (
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                  <Flex justifyContent="space-between" paddingBottom={3}>
                    <Typography variant="delta">
                      课时 Lessons（已选 {selected.length} / {course.lessons.length}）
                    </Typography>
                    <Flex gap={2}>
                      <Button variant="tertiary" size="S" onClick={() => setSelected(course.lessons.map((l) => l.documentId))}>
                        全选 All
                      </Button>
                      <Button variant="tertiary" size="S" onClick={() => setSelected([])}>
                        清空 None
                      </Button>
                    </Flex>
                  </Flex>
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    {course.lessons.length === 0 && <Typography textColor="neutral600">这门课还没有课时 No lessons yet</Typography>}
                    {course.lessons.map((lesson) => (
                      <Flex key={lesson.documentId} gap={2}>
                        <Checkbox
                          checked={selected.includes(lesson.documentId)}
                          onCheckedChange={(checked) => toggle(lesson.documentId, checked === true)}
                        >
                          {`第 ${lesson.position} 讲 · ${lesson.title}`}
                        </Checkbox>
                        {lesson.free_preview && <Badge>试听 Free</Badge>}
                      </Flex>
                    ))}
                  </Flex>
                </Box>
              </Grid.Item>

              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                    <Typography variant="delta" tag="h2">
                      价格对比 Pricing
                    </Typography>
                    {!pricing && (
                      <Box paddingTop={3}>
                        <Typography textColor="neutral600">输入价格后显示 Type a price to see the comparison</Typography>
                      </Box>
                    )}
                    {previewError && (
                      <Box paddingTop={3}>
                        <Typography textColor="danger600">{previewError}</Typography>
                      </Box>
                    )}
                    {pricing && (
                      <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
                        <Grid.Root gap={4}>
                          <Grid.Item col={6}>
                            <Figure label="整课价 Full price" value={pricing.fullPriceFen === null ? '—' : formatFen(pricing.fullPriceFen)} hint={`${pricing.courseLessonCount} 讲`} />
                          </Grid.Item>
                          <Grid.Item col={6}>
                            <Figure
                              label="单讲合计 Per-lesson sum"
                              value={pricing.perLessonSumFen === null ? '—' : formatFen(pricing.perLessonSumFen)}
                              hint={`${pricing.bundleLessonCount} 讲单独购买 bought one by one`}
                            />
                          </Grid.Item>
                          <Grid.Item col={6}>
                            <Figure label="课程包价 Bundle price" value={formatFen(pricing.bundlePriceFen)} />
                          </Grid.Item>
                          <Grid.Item col={6}>
                            <Figure
                              label="优惠 Saving"
                              value={pricing.savingFen === null ? '—' : formatFen(pricing.savingFen)}
                              hint={pricing.savingPercent === null ? undefined : `${pricing.savingPercent}%`}
                            />
                          </Grid.Item>
                        </Grid.Root>
                        {pricing.warnings.map((w) => (
                          <Alert key={w.code} variant="warning" title={w.zh} closeLabel="关闭 Close">
                            {w.en}
                          </Alert>
                        ))}
                      </Flex>
                    )}
                  </Box>

                  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                    <Typography variant="delta" tag="h2">
                      建议拆分 Suggested splits
                    </Typography>
                    <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
                      {course.suggestions.length === 0 && (
                        <Typography textColor="neutral600">课程未定价或课时太少（少于 6 讲） No suggestion: no price or fewer than 6 lessons</Typography>
                      )}
                      {course.suggestions.map((s) => (
                        <Flex key={s.kind} justifyContent="space-between" gap={3}>
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Typography fontWeight="bold">
                              {s.name.zh} · {formatFen(s.priceFen)}
                            </Typography>
                            <Typography variant="pi" textColor="neutral600">
                              {`省 ${s.pricing.savingFen === null ? '—' : formatFen(s.pricing.savingFen)}（${s.pricing.savingPercent ?? '—'}%）· ${s.rule}`}
                            </Typography>
                          </Flex>
                          <Button variant="secondary" size="S" onClick={() => useSuggestion(s)}>
                            使用 Use
                          </Button>
                        </Flex>
                      ))}
                    </Flex>
                  </Box>

                  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                    <Flex direction="column" alignItems="stretch" gap={3}>
                      <Button onClick={save} loading={saving} disabled={!canSave}>
                        保存为草稿 Save as draft bundle
                      </Button>
                      {priceFen !== null && !Number.isInteger(priceFen) && (
                        <Typography variant="pi" textColor="danger600">
                          价格须精确到分 The price must be in whole fen
                        </Typography>
                      )}
                      {saveError && <Typography textColor="danger600">{saveError}</Typography>}
                      {saved && (
                        <Typography>
                          已保存草稿「{saved.name}」：
                          <Link tag={NavLink} to={`/content-manager/collection-types/${BUNDLE_UID}/${saved.documentId}`}>在内容管理中检查并发布 Review and publish</Link>
                        </Typography>
                      )}
                    </Flex>
                  </Box>
                </Flex>
              </Grid.Item>
            </Grid.Root>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default BundlesPage;
