-- Check-item catalog, version 1 (shared/JCSTAR.md). A new catalog version is a new migration;
-- an assessment keeps the catalog version it started with.

insert into catalog_version (version, title, published_on) values ('1', 'JC-STAR lab check items', date '2025-03-25');

insert into catalog_item (catalog_version, item_id, step, sort_order, title_ja, title_en, requirement) values
    ('1', 'DOC-01', 'DOCUMENTATION', 1, 'システム構成図（デバイス・アプリ・クラウド）', 'System architecture diagram (device - app - cloud)', 'Supply an architecture diagram that shows every device, app and cloud component and the data flows between them.'),
    ('1', 'DOC-02', 'DOCUMENTATION', 2, 'ネットワーク設定とデバイスバインディングのフロー', 'Network provisioning and device binding flow', 'Supply the provisioning and binding sequence, including how ownership is proven and how credentials are delivered.'),
    ('1', 'DOC-03', 'DOCUMENTATION', 3, 'ユーザーアカウント体系', 'User account system', 'Describe account creation, authentication, password reset, lockout and session handling.'),
    ('1', 'DOC-04', 'DOCUMENTATION', 4, 'OTAアップデートの手順', 'OTA update process', 'Describe how updates are built, signed, distributed, verified and rolled back.'),
    ('1', 'DOC-05', 'DOCUMENTATION', 5, '鍵管理方式', 'Key management scheme', 'Describe the keys and certificates in use, where they are generated and stored, and how they are rotated and revoked.'),
    ('1', 'DOC-06', 'DOCUMENTATION', 6, 'バージョン番号の付与規則', 'Version numbering rules', 'State how firmware, app and cloud versions are numbered so that the tested versions can be identified.'),
    ('1', 'DOC-07', 'DOCUMENTATION', 7, '脅威モデル', 'Threat model', 'Supply a threat model covering assets, attackers, entry points, threats and the mitigation of each threat.'),
    ('1', 'DEV-01', 'DEVICE', 8, '初期パスワードと初期化の仕組み', 'Default passwords and initialisation mechanism', 'No universal default password: each device has a unique credential or forces one to be set on first use, and a reset restores a secure state.'),
    ('1', 'DEV-02', 'DEVICE', 9, 'Wi-Fi / BLE 信号の安全なブロードキャスト', 'Secure broadcasting of Wi-Fi / BLE signals', 'Wi-Fi and BLE advertising and pairing expose no secrets and accept no unauthenticated configuration.'),
    ('1', 'DEV-03', 'DEVICE', 10, 'UART・Telnet・エンジニアリングモードの非公開', 'No exposed UART, Telnet or engineering mode', 'Debug interfaces, Telnet and engineering modes are disabled or protected by authentication in production units.'),
    ('1', 'DEV-04', 'DEVICE', 11, 'ファームウェアの署名と改ざん防止', 'Firmware signing and anti-tampering', 'The device runs only firmware signed by the manufacturer and detects modified images.'),
    ('1', 'DEV-05', 'DEVICE', 12, 'OTAアップデートの完全性検証', 'Integrity verification of OTA updates', 'The device verifies the signature and integrity of every update before installing it and rejects downgrades.'),
    ('1', 'APP-01', 'APP', 13, 'ログイン・登録・パスワードリセットの安全性', 'Security of login, registration and password reset', 'Login, registration and password reset resist enumeration, brute force and account takeover.'),
    ('1', 'APP-02', 'APP', 14, 'パスワードポリシー・アカウントロック・トークンの有効期間', 'Password policy, account lockout and token lifecycle', 'Weak passwords are refused, repeated failures lock or delay the account, and tokens expire and are revoked on logout.'),
    ('1', 'APP-03', 'APP', 15, '平文でなく中間者攻撃に耐えるプロビジョニング', 'Provisioning not in plaintext, resistant to man-in-the-middle', 'Provisioning data is encrypted and the peers are authenticated so that a man in the middle cannot read or alter it.'),
    ('1', 'APP-04', 'APP', 16, 'シリアル番号やQRコードだけでは機器を乗っ取れない', 'Device cannot be taken over with only its serial number or QR code', 'Binding requires proof of physical possession or the owner''s consent, not only the serial number or QR code.'),
    ('1', 'APP-05', 'APP', 17, 'API認証（パケットキャプチャで確認）', 'API authentication (verified by packet capture)', 'Every API call of the app is authenticated and encrypted, as shown by packet capture.'),
    ('1', 'APP-06', 'APP', 18, '権限の濫用やプライバシー情報の漏えいがない', 'No permission abuse or privacy leakage', 'The app requests only the permissions it needs and leaks no personal data in logs, storage or traffic.'),
    ('1', 'CLD-01', 'CLOUD', 19, 'アカウント体系：強固なパスワード・ロックアウト・多要素認証', 'Account system: strong passwords, lockout, MFA', 'Cloud accounts enforce strong passwords, lock out repeated failures and offer multi-factor authentication.'),
    ('1', 'CLD-02', 'CLOUD', 20, 'API認証：トークンの安全性・権限昇格なし・リプレイなし', 'API authentication: token security, no privilege escalation, no replay', 'Cloud APIs authenticate every request, scope tokens to their owner, and refuse privilege escalation and replayed requests.'),
    ('1', 'CLD-03', 'CLOUD', 21, 'OTAバージョンのリリースと配信の手順', 'OTA version release and deployment process', 'Releases are approved, signed and deployed through a controlled process with an audit trail.'),
    ('1', 'CLD-04', 'CLOUD', 22, '証明書管理とTLS設定', 'Certificate management and TLS configuration', 'Only TLS 1.2 or later with strong cipher suites; certificates are valid, monitored and rotated before expiry.'),
    ('1', 'CLD-05', 'CLOUD', 23, 'ログ・鍵管理・脆弱性対応', 'Logging, key management and vulnerability response', 'Security events are logged without secrets, keys are managed in protected storage, and a vulnerability disclosure policy is published and followed.');
