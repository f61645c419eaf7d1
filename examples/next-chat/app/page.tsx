import ChatBox from "./chat/chat-box";

export default function Home() {
  return (
    <main>
      <h1>Chat</h1>
      <ChatBox />
    </main>
  );
}
