import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p className="lede">There is no page here. The lab or model may not be tracked (yet).</p>
      <p>
        <Link href="/">Overview</Link> · <Link href="/labs">Labs</Link> · <Link href="/models">Models</Link>
      </p>
    </main>
  );
}
