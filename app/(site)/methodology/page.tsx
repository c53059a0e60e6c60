import type { Metadata } from "next";
import { RegistryTable } from "@/components/registry/registry-table";
import { loadAnnotations } from "@/lib/analytics/annotations";
import { getFreshness } from "@/lib/analytics/freshness";
import { listRegistry } from "@/lib/analytics/registry-listing";
import { getDb } from "@/lib/db";
import { EVENT_KINDS, SHARE_CHANGE_THRESHOLDS } from "@/lib/domain/event-kinds";
import { metricInfo } from "@/lib/domain/metrics";
import { PINNED_VERSION_DAYS } from "@/lib/domain/pinned-versions";
import { PRESETS } from "@/lib/domain/presets";
import { REFERENCE_FIGURES } from "@/lib/domain/reference-figures";
import { formatShare } from "@/lib/format/numbers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Methodology" };

export default async function MethodologyPage() {
  const db = await getDb();
  // One after another, not Promise.all: the embedded database (PGlite) serves one query at a time.
  const freshness = await getFreshness(db);
  const registry = await listRegistry(db);
  const annotations = await loadAnnotations(db);
  return (
    <main style={{ maxWidth: 900 }}>
      <h1>Methodology</h1>
      <p className="lede">
        How the numbers are made, exactly. Everything here is computed from daily snapshots of the Hugging
        Face Hub's public model listing; nothing is estimated.
      </p>

      <h2 id="metrics">Metrics</h2>
      <dl>
        <dt>
          <strong>downloads30d</strong>
        </dt>
        <dd>
          The Hub's <code>downloads</code> field at a snapshot date: {metricInfo("downloads30d").definition}.
        </dd>
        <dt>
          <strong>downloads</strong> (per period)
        </dt>
        <dd>
          Downloads inside an interval: for each model, the increase of <code>downloadsAllTime</code> since
          its snapshot at the previous published snapshot date, never negative, summed over the snapshot dates
          inside the interval. A model created on or after the previous snapshot date counts from zero (its
          whole all-time count). A model that entered the crawl without a snapshot at the previous date, but
          was created before it, counts 0 for that step: its earlier downloads cannot be placed in time. The
          first published date has no previous date, so the series starts one snapshot later.
        </dd>
        <dt>
          <strong>cumulative</strong>
        </dt>
        <dd>{metricInfo("cumulative").definition}.</dd>
        <dt>
          <strong>share</strong>
        </dt>
        <dd>
          A group's downloads divided by the downloads of every model in scope at that date. Scope is every
          tracked model after the filters that change it: task, library, cohort, derivatives and repacks.
          Choosing labs or countries selects which series are drawn; it never changes the denominator. With{" "}
          <code>interval=week</code> or <code>month</code>, point metrics (downloads30d, cumulative) take the
          last snapshot date inside each bucket; the period metric sums the bucket's dates.
        </dd>
        <dt>
          <strong>cohort</strong>
        </dt>
        <dd>
          <code>all</code>; <code>new-12m</code>: a model counts only while it is less than 12 months old at
          each snapshot date (the study's one-year rolling framing); <code>created-YYYY</code>: models created
          in that year. The Hub stamps every repository created before it stored creation dates with{" "}
          <code>2022-03-02T23:29:04.000Z</code>: that value means "on or before that day", so such a model is
          never new and belongs to no creation-year cohort.
        </dd>
        <dt>
          <strong>attribution</strong>
        </dt>
        <dd>
          <code>developer</code> (the default): the country of the namespace that published the model.{" "}
          <code>lineage</code>: the country of the developer of the model's root base model, following the
          first <code>base_model</code> tag of each model as it was listed that day; a base not listed that
          day is followed through the first base its stored listings name, if they all name the same one (else
          the chain ends at it: which base it had that day is not known); a base never listed ends the chain
          and its namespace decides; a cycle ends at the last model before it repeats. A Qwen fine-tune
          published by a US user counts for the US by developer and for China by lineage. Ids match as the Hub
          resolves them, ignoring case (<code>qwen/qwen2.5-7b</code> is <code>Qwen/Qwen2.5-7B</code>).
        </dd>
        <dt>
          <strong>repacks</strong>
        </dt>
        <dd>
          A repack republishes another model's weights in another format or precision: its base-model relation
          is <code>quantized</code>, its library is <code>gguf</code> or <code>mlx</code>, or its tags say{" "}
          <code>gguf</code> or <code>mlx</code> (as listed that day). Every GGUF file request counts as a
          download, so community re-uploads add to their uploader's country. <code>repacks=include</code> (the
          default) counts them as uploaded; <code>exclude</code> leaves them out of every series and of the
          denominator; <code>to-base</code> credits each to the developer of the model it repacks — one hop,
          its first base model, not the root: a GGUF of a US fine-tune of Qwen counts for the US. Under
          lineage attribution every model already counts for its root, which its base leads to as well, so{" "}
          <code>to-base</code> changes nothing there. A repack that names no base model counts for its own
          namespace.
        </dd>
        <dt>
          <strong>merges</strong>
        </dt>
        <dd>
          A merge lists several bases; every one is stored and shown on the model's page, with the relation
          the Hub gives. Lineage follows the first base in the Hub's order — the order of the model card's{" "}
          <code>base_model</code> list, where merge tools write the model the others were merged into first.
          We do not split a merge's downloads between its bases: that would turn exact download counts into
          fractions and let a model's weight depend on how many bases its card happens to list. Merges are a
          small part of downloads; the model pages show every base, so the choice can be checked.
        </dd>
        <dt>
          <strong>regions</strong>
        </dt>
        <dd>
          CN, US, OTHER (a known country other than China and the US), INTL (deliberately attributed to no
          single country: online communities and international collaborations) and UNKNOWN (not attributed
          yet). UNKNOWN is always shown, never merged into another bucket: its share is the attribution gap.
        </dd>
        <dt>
          <strong>crossover</strong>
        </dt>
        <dd>Each bucket where the leader between two series changes (China vs the US by default).</dd>
      </dl>

      <h2 id="crawl">The crawl and its coverage</h2>
      <p>
        Each daily run lists, through the Hub's <code>/api/models</code> endpoint, every model of every
        namespace in the origin registry (complete coverage of the labs we track), then the global list sorted
        by trailing-30-day downloads until downloads fall under 100 (or a model cap). This population is the
        denominator of every share; each run records its size. A run commits page by page with its position,
        so an interrupted run resumes without repeating or skipping a page, and only days whose run succeeded
        are published.
      </p>
      <p>
        The Hub pages its listing with a cursor on the sort value (downloads) and the repository's id, and the
        counts keep moving while a crawl pages through them. A model whose 30-day count rises past the cursor
        between two pages is not listed that day (it is, the next day, at its new place); one that falls
        behind it is listed twice and stored once, with the count seen last. Over a crawl of a few minutes
        such moves are small and rare near the top of the list, where most downloads are. Private models (with
        a token, the listing includes the token owner's own) are never stored; each run counts how many it
        left out, and a model that turns private keeps its history but gets no new snapshots. Rate limits are
        waited out as the Hub's own client does (the window's reset plus one second), for up to 20 minutes per
        request before the run fails.
      </p>
      <p>
        Latest published date: <strong>{freshness.dataAsOf ?? "none yet"}</strong> · models tracked then:{" "}
        <strong>{freshness.modelsTracked.toLocaleString("en-US")}</strong> · share of downloads attributed to
        a country or INTL: <strong>{formatShare(freshness.attributedShare)}</strong>.
      </p>

      <h2 id="over-time">Dates, populations and changes over time</h2>
      <ul>
        <li>
          <strong>Attributes as of the date.</strong> A model's task, library, base models, creation date and
          gating can change (a new task, a base model added to its card). Each snapshot keeps the attributes
          its listing had that day, so a date's numbers — task and library filters, cohorts, derivatives,
          lineage — use what was true at that date, and a later change never rewrites earlier dates. A model's
          page shows when its task or base changed.
        </li>
        <li>
          <strong>One population per date.</strong> A published date holds one complete listing: the daily
          crawl's, or one weekly copy's. Where both exist for a day, the crawl's listing wins (the weekly copy
          is left out, and the backfill says which dates it skipped). A run limited to some namespaces or to a
          number of models (<code>--orgs</code>, <code>--max-models</code>) is a test: it is stored but never
          published, since a part of the listing would make its namespaces hold 100 %. A run that fails
          publishes nothing, and its rows are removed when another run publishes that date. No date after
          today is ever stored.
        </li>
        <li>
          <strong>One step, or none.</strong> A date's shares, its lineage, its run's status and the data
          version commit together; so do a registry edit, the shares it moves and the registry's stamp. A
          process stopped at any point leaves the previous numbers whole, and the next command finishes what
          was stopped. <code>npm run verify</code> recomputes every published date from the stored snapshots
          and reports any difference; the status page shows the last verification.
        </li>
      </ul>

      <h2 id="history">History from the Hub's public datasets</h2>
      <p>
        The Hub's API gives only today's counts, so history comes from public copies of its listing (
        <code>npm run backfill</code>):
      </p>
      <ul>
        <li>
          <strong>Weekly snapshots</strong> (<code>hfmlsoc/hub_weekly_snapshots</code>): one copy of the
          listing a week, in a folder named for the first day of its week (<code>models/YYYY-MM-DD/</code>).
          The copy is the last daily listing taken before the next week starts, so its data is as of a day of
          that week, never later: we date it at the end of its week (the folder's date + 6 days), or earlier
          when the evidence says so — the day of the commit that added the file (it was taken before), and
          today for a week still running. The newest creation date in the file is a lower bound of when it was
          taken; where it contradicts the rest it wins, within the week. Weeks stay seven days apart, and a
          30-day count read a few days early is off by at most those days. The crawl's population rule applies
          (every registry namespace; other models from 100 downloads in 30 days), so these dates compare with
          crawled ones; private models are never stored.
        </li>
        <li>
          The Hub's listing has carried all-time counts only since <strong>2025-02-26</strong>. Before, the
          weekly copies give the trailing-30-day count alone: <code>downloads30d</code> has values from the
          first week, <code>cumulative</code> from 2025-02-26, and <code>downloads</code> (per period, the
          difference of two all-time counts) from the week after. Earlier buckets of those two metrics are
          empty, never zero.
        </li>
        <li>
          <strong>The study's file</strong> (<code>mmpr/open_model_evolution_data</code>,{" "}
          <code>all_downloads_with_annotations.parquet</code>) follows a curated list of a few hundred
          authors. Its dates form a population of their own and are never mixed with the Hub's listing: a
          chart shows one or the other (the Hub's when it has dates), and says which. Its 30-day counts are
          estimated from the differences of its all-time counts; its sibling{" "}
          <code>one_year_rolling.parquet</code>, whose counts stop at each model's first year, is refused
          (they are not all-time counts). Its country annotations are not used: attribution comes from the
          registry, one method for every date.
        </li>
      </ul>

      <h2 id="registry">The origin registry</h2>
      <p>
        A reviewed data file (<code>lib/origins/registry.json</code>) maps Hub namespaces to labs and to the
        ISO country of the organisation's primary base, each with a source. Re-publishers (quantizers,
        converters) count for their own country under developer attribution; lineage attribution sees through
        them. It started from, and is cross-checked against, the ATOM Project's{" "}
        <code>organization_regions.csv</code> (Interconnects-AI/tracked-models, Apache-2.0); disagreements are
        explained in the entries' notes.
      </p>
      <RegistryTable rows={registry} />

      <h2 id="reference">Reference figures</h2>
      <ul>
        {REFERENCE_FIGURES.map((r) => (
          <li key={r.id}>
            {r.label} of downloads of new models, {r.from} to {r.to} —{" "}
            <a href={r.source.url}>{r.source.title}</a>. {r.source.note}
          </li>
        ))}
      </ul>
      <p>
        Our closest view:{" "}
        <a href="/?metric=downloads&cohort=new-12m&from=2024-09-01&to=2025-08-31&interval=month">
          metric downloads, cohort new-12m, September 2024 to August 2025
        </a>
        . The study used weekly snapshots of cumulative downloads and its own attribution; differences are
        expected.
      </p>

      <h2 id="presets">Presets</h2>
      <p>
        Published figures on whose open models the world downloads disagree because they make different
        choices. Each preset on the overview sets our switches to one publication's choices, and shows its
        figure beside ours for the chart in view; its link reproduces the view. The table under the chart
        shows how far each switch, alone, moves China's and the US's share (<code>/api/v1/sensitivity</code>).
      </p>
      <ul>
        {PRESETS.map((p) => (
          <li key={p.id}>
            <a href={`/?${p.query}`}>
              <strong>{p.label}</strong>
            </a>
            : {p.description}{" "}
            {p.figures.length > 0
              ? `Published: ${p.figures.map((f) => f.label).join(", ")} (${p.period}). `
              : ""}
            Source: <a href={p.source.url}>{p.source.title}</a>.
          </li>
        ))}
      </ul>

      <h2 id="annotations">Events marked on the charts</h2>
      <p>
        Charts mark, with a dotted line and a short label, the open-model releases of the registry's labs and
        the changes of how the Hub counts downloads, inside the range shown. A release is marked on the series
        that holds its lab (its own, its country's or its region's); a change of counting is marked on every
        chart, since it moves every series at once. The dates of counting changes are those of the Hub's
        documentation, which is when each change was made public, not necessarily when it took effect. The
        list is a reviewed data file (<code>lib/origins/annotations.json</code>), each entry with its source;
        add <code>annotations=off</code> to a chart's link to hide the markers.
      </p>
      <table className="annotations-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Model</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {annotations.map((a) => (
            <tr key={a.id}>
              <td className="num">{a.date}</td>
              <td>{a.text}</td>
              <td>{a.model ? <a href={`https://huggingface.co/${a.model}`}>{a.model}</a> : "—"}</td>
              <td>
                <a href={a.source}>{new URL(a.source).hostname}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="demo-data">Demo data</h2>
      <p>
        Until the first ingestion run succeeds, a new installation shows a bundled, generated sample so the
        dashboard is not empty. It is labelled as demo data on every page, embed and API response (
        <code>"demo": true</code>); the first real run removes it entirely, never mixing it with real
        snapshots.
      </p>
      <p>
        The sample is generated deterministically by <code>npm run demo:generate</code> (assumptions in{" "}
        <code>lib/demo/generate.ts</code>): 3,252 models over 125 weekly snapshots, using real lab model names
        from the ATOM Project's tracked-models list (Interconnects-AI, Apache-2.0), well-known models with
        their release dates, re-publishers, and invented <code>demo-user-NNNN</code> namespaces publishing
        derivatives. Its download counts are invented, calibrated so that new models' shares over the year to
        August 2025 are of the order the study reported.
      </p>

      <h2 id="events">What moved: events, feeds and webhooks</h2>
      <p>
        Each time data is published, every date it makes visible is compared with the previous published date
        of its population, and what moved is recorded once, with a sentence written from the numbers, the data
        version it was found in and a link to its chart pinned to that version (and its PNG). Shares are of
        30-day downloads; region and country crossovers are looked for among all models and new models, by
        developer and by lineage; labs by developer.
      </p>
      <dl>
        {EVENT_KINDS.map((k) => (
          <div key={k.id}>
            <dt>
              <strong>{k.label}</strong> (<code>{k.id}</code>)
            </dt>
            <dd>{k.definition}.</dd>
          </div>
        ))}
      </dl>
      <p>
        Share-change thresholds, by the days between the two dates compared:{" "}
        {SHARE_CHANGE_THRESHOLDS.map(
          (t) => `${Number.isFinite(t.maxDays) ? `up to ${t.maxDays} day(s)` : "longer"}: ${t.points} points`,
        ).join("; ")}
        .
      </p>
      <p>
        Follow them in a feed reader: <a href="/feed.atom">Atom</a> or <a href="/feed.json">JSON Feed</a>,
        filtered with <code>labs=</code>, <code>countries=</code> and <code>kinds=</code> (e.g.{" "}
        <a href="/feed.atom?labs=deepseek,qwen">/feed.atom?labs=deepseek,qwen</a>). The site's operator can
        also send them to webhooks (signed, retried for 24 hours); the status page lists the subscriptions and
        their deliveries.
      </p>

      <h2 id="limits">Known limits</h2>
      <ul>
        <li>
          The Hub serves no download history: history is what we snapshot (or import). Gaps in snapshots show
          as gaps.
        </li>
        <li>
          Downloads are the Hub's counts (requests for model files), not unique users; automated pipelines
          weigh heavily.
        </li>
        <li>
          Models outside the crawl population (below the download threshold and outside registry namespaces)
          are not counted.
        </li>
        <li>
          Lineage follows the first base model of a merge (see <a href="#metrics">merges</a>).
        </li>
        <li>
          History imported from datasets that carry only all-time counts (such as the study's) has its
          trailing-30-day downloads estimated from the differences between all-time counts (
          <code>lib/import/estimate.ts</code>); the import says so, and <code>--no-estimate</code> stores
          none.
        </li>
        <li>
          Attribution is by organisation, not by where its people work; see the registry notes for borderline
          cases.
        </li>
      </ul>

      <h2 id="pinned">Pinned charts</h2>
      <p>
        Every publish — a crawled day, a backfilled week, a registry edit — makes a new data version (now{" "}
        {freshness.dataVersion}). A chart, embed, image or CSV with <code>version=N</code> shows the numbers
        as version N published them, even after later publishes re-attribute or add dates: the rollup rows a
        version replaces are kept beside the current ones. A version stays available for {PINNED_VERSION_DAYS}{" "}
        days after a newer one is published; after that its link answers with an error that says so, and the
        live chart (the same link without <code>version=</code>) still works. The embed dialog offers live or
        pinned embeds; articles should pin.
      </p>

      <h2 id="cite">How to cite</h2>
      <p>
        Every chart has a &ldquo;Cite this chart&rdquo; entry below it: a sentence and a BibTeX record naming
        its title, the data version and its date, a permalink pinned to that version and the day you read it.
        In general: Open Model Share, &ldquo;chart title&rdquo;, Hugging Face Hub download counts as of{" "}
        {freshness.dataAsOf ?? "YYYY-MM-DD"}, data version {freshness.dataVersion}, &lt;permalink with{" "}
        <code>version={freshness.dataVersion}</code>&gt; (accessed YYYY-MM-DD). The data bundle (zip) of a
        chart carries the same citation and its definitions.
      </p>
    </main>
  );
}
