export default function ResidentApp() {
  return (
    <main>
      <h1>窓口 Madoguchi</h1>
      <p>オンライン申請の画面を準備しています。</p>
    </main>
  );
}
