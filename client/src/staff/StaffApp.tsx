export default function StaffApp() {
  return (
    <main>
      <h1>窓口 Madoguchi 職員用</h1>
    </main>
  );
}
