"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const unavailable = /database|unavailable|ECONNREFUSED|reach/i.test(error.message);
  return (
    <main>
      <h1>{unavailable ? "The data is briefly unavailable" : "Something went wrong"}</h1>
      <p className="lede">
        {unavailable
          ? "The database cannot be reached right now. Nothing is lost; this page will work again as soon as it is back."
          : "This page failed to load. Try again; if it keeps failing, the data status page may say why."}
      </p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>{" "}
      <a href="/status">Data status</a>
    </main>
  );
}
