export default function HomePage() {
  return <main>Mockroom</main>;
}
