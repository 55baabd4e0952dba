//! Chinese characters that are one character for searching.
//!
//! A reader in Taiwan may type 台 or 臺, 裡 or 裏, 峰 or 峯; a name copied from a mainland or
//! Japanese source arrives as 岛, 国, 湾 or 横浜. Each group below lists the spellings of one
//! character, canonical form first, and [`fold`] maps every member to that form. Folding is for
//! matching only: displayed names keep the spelling they were given.
//!
//! Rules: a character belongs to at most one group, and a canonical form maps to itself, so
//! folding twice changes nothing. The groups cover simplified and traditional pairs common in
//! place and country names, Taiwan's everyday variants, and Japanese forms seen in port names.
//! A simplified form that is also a character of its own in everyday Taiwan use (干 for 乾 and
//! 幹, 后 for 後, 余 for 餘, 沈 for 瀋) is left out, so that searching for it does not find
//! the other; so are traditional pairs that share one simplified form (鐘 and 鍾, 歷 and 曆),
//! except where readers treat them as one character anyway (里 裡 裏, 匯 彙).

use std::collections::HashMap;
use std::sync::LazyLock;

// In each table a word is one character's spellings, the form everything folds to first.

/// Taiwan's everyday variants and the forms other writers use for the same characters.
const TAIWAN: &str = "\
    台臺 著着 里裡裏 峰峯 群羣 線綫线 為爲为 啟啓启 衛衞卫 敘敍叙 真眞
    眾衆众 溫温 內内 戶户戸 黃黄 卻却 強强 說説说 稅税 銳锐 脫脱 悅悦
    閱阅 兌兑 緣縁缘 高髙 崎﨑 晉晋 腳脚 況况
";

/// Characters of country and place names, Japanese forms included.
const PLACES: &str = "\
    國国 灣湾 島岛嶋嶌 嶼屿 門门 馬马 東东 龍龙竜 廣广広 亞亚 爾尔 蘭兰
    羅罗 萬万 與与 來来 體体 匯汇彙 嶺岭 雞鸡鶏鷄 維维 納纳 烏乌 倫伦
    際际 聯联 韓韩 麗丽 圖图 庫库 達达 蘇苏 薩萨 貝贝 諾诺 幾几 魯鲁
    盧卢 約约 熱热 漢汉 澤泽沢 贊赞 賽赛 聖圣 萊莱 樂乐 開开 關关関 華华
    協协 單单 區区 醫医 歐欧 雲云 葉叶 緬缅 寧宁 寶宝 實实 張张 彎弯
    歸归 當当 陸陆 陳陈 險险険 隨随 陽阳 陰阴 難难 韋韦 頓顿 領领 風风
    飛飞 館馆舘 驛驿駅 鳥鸟 鳳凤 鶴鹤 麥麦 齊齐 龜龟亀 濱滨浜 橫横 縣县県
    兒儿児 榮荣栄 櫻樱桜 鐵铁鉄 歲岁歳 對对対 條条 營营営 覺觉覚 觀观観
    邊边辺 傳传伝 圓圆円 學学 兩两両 靜静 惠恵 藏蔵 瀧泷滝 佛仏 齋斋斎
    鹽盐塩 巖巌 搖摇揺 沖冲 繩绳縄 鄉乡郷 淺浅 宮宫 吳吴呉 賀贺 須须 釧钏
    峽峡 德徳 黑黒 濟济済 灘滩
";

/// Other common characters, simplified and traditional.
const COMMON: &str = "\
    長长 崗岗 嵐岚 帶带 師师 廟庙 莊庄 橋桥 樓楼 臨临 紅红 綠绿 藍蓝
    銀银 錫锡 鋼钢 礦矿 漁渔 湧涌 濁浊 潔洁 淵渊 滄沧 滿满 溝沟 灤滦
    陝陕 貴贵 費费 資资 質质 賓宾 遼辽 邁迈 運运 連连 進进 遠远 選选
    遺遗 鄧邓 鄭郑 鎮镇 閩闽 闊阔 隊队 階阶 雙双 雜杂 電电 頭头 順顺
    顏颜 額额 飯饭 魚鱼 鮮鲜 鴨鸭 鴻鸿 鷹鹰 黨党 齒齿 無无 舊旧 時时
    機机 權权 極极 樹树 樣样 檢检 殘残 氣气 湯汤 測测 滬沪 濃浓 濤涛
    潤润 漲涨 漸渐 濕湿 濰潍 燈灯 靈灵 爐炉 點点 煙烟 爺爷 獅狮 獨独
    環环 現现 瓊琼 畫画 盤盘 碼码 確确 禮礼 離离 種种 積积 稱称 穩稳
    窮穷 競竞 築筑 簡简 糧粮 緊紧 紀纪 純纯 紙纸 組组 細细 織织 終终
    經经 結结 給给 絡络 統统 續续 綿绵 網网 罰罚 聲声 職职 膚肤 藝艺
    節节 蘆芦 蒼苍 蘋苹 荊荆 蕩荡 藥药 獲获 蕭萧 蟲虫 蝦虾 蠻蛮 補补
    裝装 覽览 規规 視视 譽誉 計计 記记 許许 論论 設设 證证 評评 識识
    譯译 詩诗 誠诚 話话 語语 請请 諸诸 讀读 調调 談谈 謝谢 負负 貢贡
    財财 責责 賢贤 貨货 販贩 貧贫 購购 貫贯 貿贸 賦赋 賞赏 賴赖 趙赵
    躍跃 車车 軌轨 轉转 輪轮 軟软 輕轻 載载 輝辉 輸输 轄辖 辭辞 過过
    還还 這这 違违 遲迟 適适 遷迁 鄰邻 郵邮 醬酱 釋释 鑑鉴 針针 釣钓
    鐘钟 欽钦 錢钱 銅铜 鋁铝 鋪铺 鏈链 銷销 鎖锁 鍋锅 錯错 錦锦 鍵键
    閃闪 閉闭 問问 閒闲閑 間间 閘闸 鬧闹 聞闻 閣阁 陣阵 隱隐 霧雾 頁页
    頂顶 項项 頑顽 顧顾 預预 頻频 題题 飲饮 驅驱 駐驻 駕驾 驗验 騎骑
    鳴鸣 塊块 堅坚 壇坛 壩坝 塢坞 墾垦 壘垒 牆墙 壯壮 殼壳 處处 備备
    奪夺 奮奋 獎奖 婦妇 媽妈 婁娄 孫孙 寬宽 尋寻 導导 將将 塵尘 層层
    豈岂 巒峦 幣币 帥帅 帳帐 幫帮 應应 龐庞 廢废 異异 棄弃 彌弥 錄录
    徹彻 徑径 憶忆 憂忧 懷怀 態态 總总 戀恋 惡恶 懸悬 驚惊 戲戏 戰战
    擴扩 掃扫 揚扬 執执 護护 報报 擔担 擁拥 擇择 掛挂 揮挥 損损 換换
    據据 攝摄 擺摆 敵敌 數数 斷断 曠旷 顯显 曬晒 曉晓 暫暂 術术 殺杀
    楊杨 構构 樞枢 棗枣 櫃柜 棟栋 欄栏 歡欢 畢毕 專专 業业 叢丛 絲丝
    嚴严 豐丰 舉举 義义 書书 買买 亂乱 爭争 虧亏 產产 畝亩 親亲 億亿
    僅仅 從从 倉仓 儀仪 們们 價价 優优 會会 偉伟 傷伤 僑侨 側侧 儉俭
    債债 傾倾 儲储 興兴 養养 獸兽 岡冈 冊册 寫写 軍军 農农 馮冯 決决
    凍冻 淨净 涼凉 減减 凱凯 擊击 劉刘 則则 剛刚 創创 別别 劍剑 劇剧
    勸劝 辦办 務务 動动 勵励 勞劳 勢势 勳勋 賣卖 廠厂 廳厅 歷历 壓压
    廈厦 參参 發发 變变 號号 嘆叹 嚇吓 呂吕 嗎吗 員员 響响 啞哑 喚唤
    團团 園园 圍围 場场 壞坏 廬庐 崙仑 繡绣 繼继 績绩 綜综 編编 縮缩
    罷罢 聰聪 肅肃 腸肠 腎肾 脅胁 勝胜 脈脉 腦脑 臉脸 艱艰 繭茧 薦荐
    瑩莹 薔蔷 虜虏 慮虑 虛虚 蝕蚀 銜衔 襯衬 襲袭 訓训 議议 講讲 訪访
    訴诉 詞词 試试 誕诞 詢询 該该 詳详 誤误 課课 誰谁 誼谊 謀谋 謠谣
    貞贞 敗败 貸贷 賭赌 賠赔 贈赠 趕赶 趨趋 踐践 蹤踪 較较 輔辅 輛辆
    辯辩 讓让 認认 討讨 紛纷 縱纵 綱纲 緯纬 級级 纖纤 糾纠 練练 紹绍
    綁绑 繞绕 繪绘 絕绝 絹绢 遞递 邏逻 遙遥 遜逊 雛雏 顆颗 類类 燒烧
";

static FOLD: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for group in groups() {
        let mut chars = group.chars();
        if let Some(canonical) = chars.next() {
            for variant in chars {
                map.insert(variant, canonical);
            }
        }
    }
    map
});

/// The canonical form of a character; characters outside every group are returned unchanged.
pub fn fold(c: char) -> char {
    if c < '\u{2E80}' {
        // Below the CJK blocks nothing folds; skipping the lookup keeps Latin text cheap.
        return c;
    }
    FOLD.get(&c).copied().unwrap_or(c)
}

/// Every group of the tables, in table order.
pub(super) fn groups() -> impl Iterator<Item = &'static str> {
    [TAIWAN, PLACES, COMMON]
        .into_iter()
        .flat_map(str::split_whitespace)
}
