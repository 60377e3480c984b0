// 定义JSON数据
const bszlData = [
    {
      "department": "区经信局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "企业投资项目备案（技术改造）（市级/县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z07001006-511602000000-000-11511301008778183N-1-00&taskType=10&deptCode=11511301008778183N",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区教科体局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "适龄儿童、少年因身体状况需要延缓入学或者休学审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0138000000-511602000000-000-115113010833722043-1-00&taskType=1&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "中职和本专科建档立卡特别资助项目",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=G-000007-001-511602000000-000-115113010833722043-1-00&taskType=5&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "学生资助政策咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0053300008-511602000000-000-115113010833722043-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "中等职业学校学生国家助学金查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0053300007-511602000000-000-115113010833722043-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "三级社会体育指导员技术等级称号认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F33033003-511602000000-000-115113010833722043-1-00&taskType=7&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "普通高中国家助学金、免学费查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0053300004-511602000000-000-115113010833722043-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "进城务工人员随迁子女接受义务教育入学申请办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0156000000-511602000000-000-115113010833722043-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "三级运动员称号授予",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F33034003-511602000000-000-115113010833722043-1-00&taskType=7&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "学前教育减免保教费查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0053300006-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "教师资格认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0138600000-511602000000-000-115113010833722043-1-00&taskType=1&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "举办高危险性体育赛事活动许可（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A33038003-511602000000-000-115113010833722043-1-00&taskType=1&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "义务教育家庭经济困难学生生活补助查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0053300003-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "教师资格证相关政策咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0051900002-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "科技政策咨询服务",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0030200001-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "辖区学校中小学学生学籍管理服务（注册、毕业、学历认证等）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0052000007-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "学校办学基本情况咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0052100002-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "教师资格证书补发、换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0155900000-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "招生考试政策咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0052900007-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "中小学教师职称评聘政策咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0051800002-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "学前教育、义务教育阶段入学政策咨询及办理",
          "sub_items": [
            {
              "name": "学前教育、义务教育阶段入学办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0052000016-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "学前教育、义务教育阶段入学政策咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0052000011-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "义务教育阶段学生学籍异动政策咨询及办理",
          "sub_items": [
            {
              "name": "义务教育阶段学生学籍异动政策咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0052000012-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            },
            {
              "name": "义务教育阶段学生学籍异动办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0052000009-511602000000-000-083372204-1-00&taskType=20&deptCode=083372204",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区公安分局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "第二类易制毒化学品运输许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0080800002-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "户口登记项目内容变更更正证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0161200000-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "注销户口证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0161300000-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "开办互联网上网服务营业场所",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0900300012-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "居住证办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0011200070-511602000000-000-11511300008778693M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "第三类易制毒化学品运输备案证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0146700000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "互联网上网服务营业场所经营单位变更营业场所地址，改建、扩建，变更计算机数量或其他重要事项",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0900300013-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "旅馆业特种行业许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0146000000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "烟花爆竹道路运输许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0152300000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "户口迁移审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0147300000-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "举办焰火晚会以及其他大型焰火燃放活动许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0020600003-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "预计参加人数在1000人以上5000人以下的大型群众性活动安全许可或变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0020500002-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "公章刻制业特种行业许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0146100000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "普通护照签发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0116400001-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "民用爆炸物品购买许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0150200000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "旧货业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0011200058-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "旧手机交易业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0011200060-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "开锁业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0011200061-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "居民身份证办理（包括临时）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0011200068-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "第二类、第三类易制毒化学品购买备案证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0146500000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "对外国人的住宿登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0612200000-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "放射性物品道路运输许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0153700000-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "犬类准养证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A09001023-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "举行集会游行示威许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0151500000-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "居民身份证挂失申报、丢失招领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0011200066-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "居民身份证跨省异地办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0011200078-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "居民身份证省内异地办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0011200077-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "生产性废旧金属收购业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0011200063-511602000000-000-1151130000877869M-1-00&taskType=10&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "剧毒化学品道路运输通行证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0147200000-511602000000-000-11511300008778693M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "旅馆业特种行业变更备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0011200062-511602000000-000-1151130000877869M-1-00&taskType=10&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "单位国际联网备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0900300010-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "个人国际联网备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0900300011-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "临时身份证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0116800006-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "民用爆炸物品运输许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0149800000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "无犯罪记录证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0116800003-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "亲属关系证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0116800002-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "被拐儿童身份证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0116800001-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "捡拾弃婴（儿童）报案证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0116800004-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "剧毒化学品购买许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0152900000-511602000000-000-1151130000877869M-1-00&taskType=1&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "非正常死亡证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0116800005-511602000000-000-1151130000877869M-1-00&taskType=20&deptCode=1151130000877869M",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "户口登记（包括注销、恢复、变更）",
          "sub_items": [
            {
              "name": "户口恢复",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F09014007-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "户口注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F09014003-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "户口变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F09014005-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            },
            {
              "name": "户口登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F09014002-511602000000-000-11511300008778693M-1-00&taskType=7&deptCode=1151130000877869M",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区消防大队",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "公众聚集场所投入使用、营业前消防安全检查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0021300001-511602000000-000-11511300MB1A21304N-1-00&taskType=1&deptCode=130501003",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区司法局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "律师及律所信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0107400001-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "基层法律服务所及基层法律服务工作者信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0110000001-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "律师及律所投诉指引",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0107400003-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "司法鉴定机构及司法鉴定人信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0100900001-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "律师及律所业务咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0107400002-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "司法鉴定咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0100900002-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "司法鉴定机构及司法鉴定人员投诉指引",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0100900003-511602000000-000-115113010087786859-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "人民调解业务信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0164900000-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "公证机构及公证员信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0107500001-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "对公民法律援助申请的审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511G12015001-511602000000-000-115113010087786859-1-00&taskType=5&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "法律援助补贴发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511G12016001-511602000000-000-115113010087786859-1-00&taskType=5&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "人民调解员补贴发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511G12017001-511602000000-000-115113010087786859-1-00&taskType=5&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "人民调解员因从事工作致伤残、牺牲的救助、抚恤",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511G12018001-511602000000-000-115113010087786859-1-00&taskType=5&deptCode=00877868-5",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "基层法律服务工作者执业、变更、注销许可",
          "sub_items": [
            {
              "name": "基层法律服务工作者执业变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0081000003-511602000000-000-00877868-5-1-00&taskType=1&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "基层法律服务工作者执业许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0081000002-511602000000-000-00877868-5-1-00&taskType=1&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "基层法律服务工作者执业注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0081000005-511602000000-000-00877868-5-1-00&taskType=1&deptCode=00877868-5",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "公证业务预约办理",
          "sub_items": [
            {
              "name": "公证业务预约办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512C0107500002-511602000000-000-00877868-5-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "机动车驾驶证公证（指引）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512012002012-511602000000-000-115113010087786859-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "学历公证（指引）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512012002010-511602000000-000-115113010087786859-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "学位公证（指引）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512012002011-511602000000-000-115113010087786859-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            },
            {
              "name": "纳税状况公证（指引）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201200200013-511602000000-000-115113010087786859-1-00&taskType=20&deptCode=00877868-5",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区财政局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "会计专业技术人员继续教育办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201300200004-511602000000-000-11511301008778220W-1-00&taskType=20&deptCode=11511301008778220W",
              "qrcode": ""
            },
            {
              "name": "非营利组织免税资格认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F13006002-511602000000-000-11511301008778220W-1-00&taskType=7&deptCode=11511301008778220W",
              "qrcode": ""
            },
            {
              "name": "会计专业技术人员继续教育信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201300200005-511602000000-000-11511301008778220W-1-00&taskType=20&deptCode=11511301008778220W",
              "qrcode": ""
            },
            {
              "name": "对政府采购供应商投诉处理决定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=E-000010-001-511602000000-000-11511301008778220W-1-00&taskType=9&deptCode=11511301008778220W",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区自然资源和规划局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "建筑工程竣工规划土地核实“多验合一”",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0164200000-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设工程设计方案审定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0163500000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "乡（镇）村企业使用集体建设用地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0036500001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "采矿权注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031800004-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "森林植物产地检疫合格证签发（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64007001-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "临时用地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0034800001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设项目古树名木保护方案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64045001-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设项目验线规划管理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0162900000-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设项目用地预审与选址意见书",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0034400001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "矿产资源储量评审备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F15043001-511602000000-000-11511301MB1550442U-1-00&taskType=7&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "采矿权延续登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031800003-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "新设采矿权登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031800001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "抵押备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0103400001-511602000000-000-11511301MB1550442U-1-00&taskType=20&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "抵押备案解除",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201500600004-511602000000-000-11511301MB1550442U-1-00&taskType=20&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "测绘地理信息法治政策咨询服务",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512081012001-511602000000-000-11511301MB1550442U-1-00&taskType=20&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "土地复垦验收确认",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z15012002-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设项目规划条件变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0163200000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "矿业权及土地转让信息发布",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0122100003-511602000000-000-00877836X-1-00&taskType=20&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "古树名木认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F64043001-511602000000-000-11511301MB1550442U-1-00&taskType=7&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "测绘地理信息项目备案登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0697300000-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "乡村建设规划许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0149700000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "林木种子采种林的确定（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F64201001-511602000000-000-11511301MB1550442U-1-00&taskType=7&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "伐区调查设计材料的审核(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64006004-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "省际间调运林草植物检疫证书新办核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0077700002-510000000000-000-8282348-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "乡（镇）村公共设施、公益事业使用集体建设用地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15006001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "矿山地质环境保护与土地复垦方案审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z15027001-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "国有建设用地使用权出让后土地使用权分割转让批准",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0035800001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "土地权属争议裁决",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511E15002003-511602000000-000-11511301MB1550442U-1-00&taskType=9&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "草原等级评定(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F64002003-511602000000-000-11511301MB1550442U-1-00&taskType=7&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "新设探矿权登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900014-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "探矿权保留登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900024-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "探矿权延续登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15024003-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "利用国家秘密测绘地理信息成果审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0195200000-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "猎捕有重要生态、科学、社会价值的陆生野生动物和省重点保护陆生野生动物情况备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z6420600004-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "探矿权注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900022-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "开发未确定使用权的国有荒山、荒地、荒滩从事生产审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0035600001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "拟建项目范围内重要矿产资源分布和重要矿产资源矿业权设置情况查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0102600003-511602000000-000-11511301MB1550442U-1-00&taskType=20&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设工程（含临时建设）规划许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024700001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "采矿权变更登记",
          "sub_items": [
            {
              "name": "扩大矿区范围变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15029005-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "采矿权转让变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15029003-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "缩小矿区范围变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15029004-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "开采主矿种、开采方式变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15029006-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "采矿权人名称变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A15029007-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "种子生产经营者不需要办理种子生产经营许可证的备案",
          "sub_items": [
            {
              "name": "专门经营不再分装的包装种子的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64204003-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "在有效区域内设立分支机构的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64204001-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "在有效区域内受具有种子生产经营许可证的种子生产经营者以书面委托生产、代销其种子的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64204002-511602000000-000-11511301MB1550442U-1-00&taskType=10&deptCode=00877836X",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "探矿权变更登记",
          "sub_items": [
            {
              "name": "缩小勘查范围（含分立）变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900017-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "勘查主矿种变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900019-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "探矿权转让变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900018-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "扩大勘查范围（含合并）变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900016-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "探矿权人名称变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0031900020-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "建设用地、临时建设用地规划许可",
          "sub_items": [
            {
              "name": "建设用地规划许可（划拨用地）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0123100001-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设用地（含临时用地）规划许可证核发（出让用地）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0123100002-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            },
            {
              "name": "建设用地规划许可证变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0123100004-511602000000-000-11511301MB1550442U-1-00&taskType=1&deptCode=00877836X",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区生态环境局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "突发环境事件应急预案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0613600000-511602000000-000-11511301MB1D685275-2-00&taskType=10&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "建设用地土壤污染修复方案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0713100001-511602000000-000-11511301MB1D685275-2-00&taskType=10&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "建设用地土壤污染风险管控、修复效果评估报告备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0713200001-511602000000-000-11511301MB1D685275-2-00&taskType=10&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "建设单位进行环境影响后评价的备案(市级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z16016002-511602000000-000-11511301MB1D685275-2-00&taskType=10&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "一般建设项目环境影响报告表审批（市级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16007006-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "土壤污染防治工作方案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0713000001-511602000000-000-11511301MB1D685275-2-00&taskType=10&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "贮存危险废物超过一年的批准(市级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16012002-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "入河排污口设置审批(市级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16001002-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "土壤污染状况调查报告备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0713300001-511602000000-000-11511301MB1D685275-2-00&taskType=10&deptCode=32334539-6",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "危险废物经营许可",
          "sub_items": [
            {
              "name": "危险废物经营许可申请（市级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16002004-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "危险废物经营许可补办(市级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16002007-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "危险废物经营许可变更(市级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16002006-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            },
            {
              "name": "危险废物经营许可到期延续(市级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A16002005-511602000000-000-11511301MB1D685275-2-00&taskType=1&deptCode=32334539-6",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区综合执法局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "临时便民服务摊点设置",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0298500000-511602000000-000-11511301MB0T669970-1-00&taskType=10&deptCode=11511301MB0T669970",
              "qrcode": ""
            },
            {
              "name": "规范户外招牌设施设置",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512017432001-511602000000-000-11511301MB0T669970-1-00&taskType=20&deptCode=11511301MB0T669970",
              "qrcode": ""
            },
            {
              "name": "建筑垃圾处理方案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64048001-511602000000-000-11511301MB0T669970-1-00&taskType=10&deptCode=11511301MB0T669970",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区交通运输局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "客运班线延续经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014100002-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11736",
              "qrcode": ""
            },
            {
              "name": "对客运经营者在发车时间安排上发生纠纷客运站经营者协调无效的裁决",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=E-000004-001-11511301008778386B&taskType=9&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "公路工程招标备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18020001-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路旅客运输企业设立子公司经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014200003-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11736",
              "qrcode": ""
            },
            {
              "name": "道路旅客运输经营者扩大经营范围",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014200002-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11736",
              "qrcode": ""
            },
            {
              "name": "网约车车辆信息备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0169300000-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "港口内进行危险货物的装卸、过驳作业许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0302900000-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "定制客运备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18280001-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "汽车客运站的站级核定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18021004-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "大型设施、移动式平台、超限物体水上拖带审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0140900000-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路货物运输企业设立子公司经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014300003-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车车辆经营权变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015200003-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "普通公路行业技术标准查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201828500003-511602000000-000-11511301008778386B-1-00&taskType=20&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "普通公路建设项目施工许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0016100001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "普通公路行业政策制度查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201828500004-511602000000-000-11511301008778386B-1-00&taskType=20&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货运代理和货运配载经营备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=Z-000147-001-511602000000-000-12511300452258950C-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客货运输车辆年度审验",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0168300000-511602000000-000-12511300452258950C-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车车辆经营权到期后继续经营",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015200004-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路货物运输经营许可变更、扩大经营范围",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014300005-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11736",
              "qrcode": ""
            },
            {
              "name": "通航水域岸线安全适用许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A18394001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "普通公路工程交工验收备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18003007-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "普通公路参建单位（设计、施工、监理等）相关资质、信用等级查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201828400003-511602000000-000-11511301008778386B-1-00&taskType=20&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "变更或改造码头等固定经营设施的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0128100000-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "普通公路项目信息（进度、资金补助政策等）查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201828400004-511602000000-000-11511301008778386B-1-00&taskType=20&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "在普通公路建筑控制区内埋设管线、电缆等设施许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0100800004-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "农村公路建设项目竣工验收审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1800800005-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "城市公共汽电车线路运营权特许经营",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0112100001-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "农村公路建设项目初步设计审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1801000024-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "农村公路建设项目施工图设计审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1801000025-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "农村公路建设项目设计变更审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1801000021-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "客运线路经营主体、起讫地变更许可",
          "sub_items": [
            {
              "name": "客运线路经营主体、起讫地变更许可（变更经营主体）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500003-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运线路经营主体、起讫地变更许可（变更起讫地）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500004-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "道路客运班线经营许可证明办理",
          "sub_items": [
            {
              "name": "道路客运班线经营许可证明（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500010-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路客运班线经营许可证明（补发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500012-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路客运班线经营许可证明（初领）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500009-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路客运班线经营许可证明（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500011-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "客运车辆道路运输证办理",
          "sub_items": [
            {
              "name": "客运车辆道路运输证办理（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800009-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（补办）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800006-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800008-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（过户）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800012-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（转出）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800010-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800007-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（转入）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800011-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（延期）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800013-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运车辆道路运输证办理（配发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A18398001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "机动车驾驶员培训备案",
          "sub_items": [
            {
              "name": "机动车驾驶员培训变更备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278002-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（配发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278003-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "机动车驾驶员培训备案（终止）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278010-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "驾驶培训机构招生站点设置情况备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278011-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278006-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（过户）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278009-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（转出）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278007-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（转入）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278008-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278005-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "教练车备案证办理（补办）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278004-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "机动车驾驶员培训备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18278001-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "客运线路许可",
          "sub_items": [
            {
              "name": "客运线路经营许可（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运线路许可（新增）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014100001-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11736",
              "qrcode": ""
            },
            {
              "name": "客运线路经营许可（终止运营）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1804500002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "道路旅客运输经营许可",
          "sub_items": [
            {
              "name": "道路旅客运输经营许可（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路旅客运输经营许可（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839800003-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路旅客运输经营许可（新增）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014200001-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "港口经营人从事危险货物作业涉及安全的备案",
          "sub_items": [
            {
              "name": "重大事故隐患的排查和处理情况的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=1J-5100-00027-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "应急预案及其修订情况的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=1J-5100-00021-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "剧毒化学品以及储存数量构成重大危险源的其他危险货物备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=1J-5100-00026-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "重大危险源安全、应急措施备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=1J-5100-00025-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "安全评价报告以及落实情况的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=1J-5100-00019-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "网络预约出租汽车运输证发放",
          "sub_items": [
            {
              "name": "网络预约出租汽车运输证发放（新增）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100006-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车运输证发放（信息变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100008-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车运输证发放（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100014-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车运输证发放（补办）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100007-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车运输证发放（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100009-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "机动车维修经营备案",
          "sub_items": [
            {
              "name": "机动车维修经营备案（终止）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18271004-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "机动车维修经营备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18271001-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "机动车维修工时单价备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18271005-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "机动车维修经营备案（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18271003-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "巡游出租汽车道路运输经营许可",
          "sub_items": [
            {
              "name": "巡游出租汽车业户信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车经营许可注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200003-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车经营许可证到期换证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200004-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "小微型客车租赁备案",
          "sub_items": [
            {
              "name": "小微型客车租赁备案（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18013002-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "小微型客车租赁备案（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z18013001-511602000000-000-11511301008778386B-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "小微型客车租赁备案（新增）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0139800000-511602000000-000-12511300452258950C-1-00&taskType=10&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "网络预约出租汽车经营许可",
          "sub_items": [
            {
              "name": "网络预约出租汽车经营许可证到期换证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200005-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车经营注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200007-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015200005-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "网络预约出租汽车业户信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1802200006-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "巡游出租汽车道路运输证核发",
          "sub_items": [
            {
              "name": "巡游出租汽车道路运输证核发（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100005-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车道路运输证核发（信息变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100004-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车道路运输证核发（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100003-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车道路运输证核发（补办）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839100002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "巡游出租汽车道路运输证核发（新增）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015400002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "道路货物运输车辆道路运输证办理",
          "sub_items": [
            {
              "name": "货物运输车辆道路运输证办理（补办）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900006-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（转入）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900011-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（过户）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900012-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（注销、报停与恢复营运）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900009-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（转出）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900010-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900008-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900007-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "货物运输车辆道路运输证办理（延期）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900013-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路货物运输车辆道路运输证配发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "道路货物运输经营许可",
          "sub_items": [
            {
              "name": "道路货运经营许可（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900003-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "道路货物运输经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014300001-511602000000-000-2222222222222-1-00&taskType=1&deptCode=11736",
              "qrcode": ""
            },
            {
              "name": "道路货运经营许可（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1839900002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "客运站经营许可",
          "sub_items": [
            {
              "name": "客运站经营许可（注销）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1840200002-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运站经营许可（换发）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A1840200001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            },
            {
              "name": "客运站经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0014400001-511602000000-000-11511301008778386B-1-00&taskType=1&deptCode=11511301008778386B",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区水务局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "水利工程建设项目招投标活动投诉受理及处理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0228400000-511602000000-000-1151130100877844X4-1-00&taskType=10&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "利用堤顶、戗台兼做公路审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A19019001-511602000000-000-1151130100877844X4-1-00&taskType=1&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "对在河道管理范围内从事有关活动造成国家、集体、个人经济损失的裁决",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511E19001006-511602000000-000-1151130100877844X4-1-00&taskType=9&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "水利工程建设项目政府验收（含阶段验收、竣工验收）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0229200000-511602000000-000-1151130100877844X4-1-00&taskType=10&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "河道采砂许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A19016001-511602000000-000-1151130100877844X4-1-00&taskType=1&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "水库大坝坝顶兼做公路审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0569900000-511602000000-000-1151130100877844X4-1-00&taskType=1&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "水闸安全鉴定审定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z19006002-511602000000-000-1151130100877844X4-1-00&taskType=10&deptCode=00877844X",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "生产建设项目水土保持方案审批",
          "sub_items": [
            {
              "name": "生产建设项目水土保持方案审批（新办）（据省政府令第349号,部分省级权限下放成都等８市)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045100002-511602000000-000-1151130100877844X4-1-00&taskType=1&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "生产建设项目水土保持方案审批（变更）（据省政府令第349号,部分省级权限下放成都等８市)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045100001-511602000000-000-1151130100877844X4-1-00&taskType=1&deptCode=00877844X",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "水事纠纷裁决",
          "sub_items": [
            {
              "name": "违反河道管理条例经济损失处理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511E19002003-511602000000-000-1151130100877844X4-1-00&taskType=9&deptCode=00877844X",
              "qrcode": ""
            },
            {
              "name": "水事纠纷处理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511E19002002-511602000000-000-1151130100877844X4-1-00&taskType=9&deptCode=00877844X",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区农业农村局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "国内异地引进水产苗种检疫",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0130900000-511602000000-000-11511301008778423H-1-00&taskType=1&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "非政府投资或补助的农村能源工程初步设计方案的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0135100000-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "出售废旧机电提灌设备及其主要零部件的确认",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0135500000-511602000000-000-11511301008778423H-1-00&taskType=7&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "无公害农产品认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0167100000-511602000000-000-11511301008778423H-1-00&taskType=7&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "调运检疫证书签发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0089300004-511602000000-000-11511301008778423H-1-00&taskType=1&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "农村机电提灌站产权登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0127400000-511602000000-000-11511301008778423H-1-00&taskType=7&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "动物收购贩运备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0134900000-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "农村能源新技术、新工艺、新产品的评估认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0135300000-511602000000-000-11511301008778423H-1-00&taskType=7&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "农村能源建设的设计、施工、监理资质审批备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0135400000-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "农业机械事故认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=F-000098-001-511602000000-000-11511301008778423H-1-00&taskType=7&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "执业兽医从事动物诊疗活动的执业注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0134100000-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "政府投资或补助的农村能源工程初步设计方案的审核",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0134700000-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "农村能源工程报废",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0134400000-511602000000-000-11511301008778423H-1-00&taskType=20&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "动物及动物产品检疫合格证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0130700000-511602000000-000-11511301008778423H-1-00&taskType=1&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "畜禽养殖场、养殖小区备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0134300000-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "乡村兽医登记备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z20079001-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "农作物种子经营备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z20010001-511602000000-000-11511301008778423H-1-00&taskType=10&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "受理农村土地承包经营纠纷仲裁申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0135200000-511602000000-000-11511301008778423H-1-00&taskType=20&deptCode=11511301008778423H",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "养蜂证申领",
          "sub_items": [
            {
              "name": "养蜂证申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512020001001-511602000000-000-11511301008778423H-1-00&taskType=20&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "养蜂证换证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512020001005-511602000000-000-11511301008778423H-1-00&taskType=20&deptCode=11511301008778423H",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "拖拉机/联合收割机档案解除封存",
          "sub_items": [
            {
              "name": "拖拉机/联合收割机档案封存",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512020008001-511602000000-000-11511301008778423H-1-00&taskType=20&deptCode=11511301008778423H",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机档案解封",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512020008002-511602000000-000-11511301008778423H-1-00&taskType=20&deptCode=11511301008778423H",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区商务局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "单用途商业预付卡发卡企业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0169500000-511602000000-000-1151130174468656XH-1-00&taskType=10&deptCode=74468656X",
              "qrcode": ""
            },
            {
              "name": "零售商促销备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0169600000-511602000000-000-1151130174468656XH-1-00&taskType=10&deptCode=74468656X",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区文广旅局",
      "items": [
        {
          "main_item": "县级广播电台、电视台变更台名、节目设置范围或节目套数审批",
          "sub_items": [
            {
              "name": "县级广播电台、电视台变更节目设置范围审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A32001002-511602000000-000-11511301599994805M-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "县级广播电台、电视台变更台名审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A32001001-511602000000-000-11511301599994805M-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "县级广播电台、电视台变更节目套数审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A32001003-511602000000-000-11511301599994805M-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "文物定级",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0118100001-511602000000-000-0087790701-1-00&taskType=7&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "在其他经营场所设置游戏游艺设备从事经营活动备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22010001-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "文物认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0118200001-511602000000-000-0087790701-1-00&taskType=7&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "旅行社设立分社备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22011005-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "娱乐场所进行有奖经营活动奖品目录备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22012002-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "博物馆处理不够入藏标准、无保存价值的文物或标本审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0073400001-511602000000-000-11511301599994805M-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "其他经营单位增设艺术品经营业务的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22022001-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "文物保护工程施工二级资质认定或增加二级资质业务范围的审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0044000033-511602000000-000-0087790701-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "文物保护工程监理乙级资质认定或增加乙级资质业务范围审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0044000030-511602000000-000-0087790701-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "文物保护工程勘察设计乙级资质认定或增加乙级资质业务范围的审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0044000017-511602000000-000-0087790701-1-00&taskType=1&deptCode=0087790701",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "博物馆、图书馆和其他文物收藏单位设置藏品档案，建立管理制度备案",
          "sub_items": [
            {
              "name": "博物馆、图书馆和其他文物收藏单位设置藏品档案的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z68001002-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "博物馆、图书馆和其他文物收藏单位建立管理制度的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z68001003-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "从事艺术品经营活动的经营单位备案",
          "sub_items": [
            {
              "name": "艺术品经营单位变更备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22003002-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "艺术品经营单位补证备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22003004-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "设立艺术品经营单位备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0125100001-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "艺术品经营单位注销备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22003003-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "艺术考级活动备案",
          "sub_items": [
            {
              "name": "社会艺术水平考级活动承办单位备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22008003-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "社会艺术水平考级活动考前备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22008002-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "社会艺术水平考级机构发放艺术考级证书名单备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z22008004-511602000000-000-11511301599994805M-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "个体演员和个体演出经纪人备案",
          "sub_items": [
            {
              "name": "个体演员备案证明补证备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172100003-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "个体演员备案证明注销备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172100004-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "个体演出经纪人备案证明注销备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0010700007-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "个体演出经纪人备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0010700004-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "个体演员备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172100001-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            },
            {
              "name": "个体演出经纪人备案证明补证备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0010700006-511602000000-000-0087790701-1-00&taskType=10&deptCode=0087790701",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区卫健局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "医院评审",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0127200000-511602000000-000-11511301008778490F-1-00&taskType=7&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "《出生医学证明》首次签发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512023377001-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "申领《四川省老年人优待证》",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0357300000-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "限制类医疗技术临床应用备案管理(县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512023013005-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "《预防接种证》办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512023380002-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "放射源诊疗技术和医用辐射机构许可校验（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0004200009-511602000000-000-11511301008778490F-1-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "义诊活动备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0144800000-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "乙类公共场所备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0145100000-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "放射工作人员证办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0145200000-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "医师定期考核结果备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0144500000-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "外出健康体检备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0144900000-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "医疗机构执业审批（校验）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700020-511602000000-000-11511301008778490F-1-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "食品行业从业人员预防性体检合格证办理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512023382001-511602000000-000-11511301008778490F-1-00&taskType=20&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "计划生育家庭特别扶助金",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=G-000006-001-511602000000-000-11511301008778490F-1-00&taskType=5&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "农村部分计划生育家庭奖励扶助金",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=G-000004-001-511602000000-000-11511301008778490F-1-00&taskType=5&deptCode=11511301008778490F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "母婴保健技术服务机构执业许可",
          "sub_items": [
            {
              "name": "母婴保健技术服务机构执业许可校验（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0008600011-511602000000-000-11511301008778490F-1-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务执业许可校验（婚前医学检查)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301900003-511602000000-000-11511301008778490F-1-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "麻醉药品和第一类精神药品购用许可",
          "sub_items": [
            {
              "name": "麻醉药品和第一类精神药品购用许可延续",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012800014-511602000000-000-11511301008778490F-2-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "麻醉药品和第一类精神药品购用许可新办审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012800013-511602000000-000-11511301008778490F-2-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "麻醉药品和第一类精神药品购用许可遗失补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A23029001-511602000000-000-11511301008778490F-2-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            },
            {
              "name": "麻醉药品和第一类精神药品购用许可变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012800010-511602000000-000-11511301008778490F-2-00&taskType=1&deptCode=11511301008778490F",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区应急管理局",
      "items": [
        {
          "main_item": "非煤矿矿山建设项目安全设施设计审查",
          "sub_items": [
            {
              "name": "金属非金属矿产资源地质勘探坑探工程项目",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0007200005-511602000000-000-11511301MB1935318L-1-00&taskType=1&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "金属非金属矿山、尾矿库、石油天然气新建、改建、扩建建设项目",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0007200004-511602000000-000-11511301MB1935318L-1-00&taskType=1&deptCode=3946653276082720768",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "三类非药品类易制毒化学品经营备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z25392001-511602000000-000-11511301MB1935318L-1-00&taskType=10&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "危险化学品重大危险源备案、核销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z25395001-511602000000-000-11511301MB1935318L-1-00&taskType=10&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "生产经营单位生产安全事故应急预案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z25396001-511602000000-000-11511301MB1935318L-1-00&taskType=10&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "建设工程专用地震监测台网建设方案审查及强震动设施设置方案审查(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0047800002-511602000000-000-115113010087780365-1-00&taskType=10&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "自然灾害生活救助资金和物资给付",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511G25391001-511602000000-000-11511301MB1935318L-1-00&taskType=5&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "应急管理信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512025394002-511602000000-000-11511301MB1935318L-1-00&taskType=20&deptCode=3946653276082720768",
              "qrcode": ""
            },
            {
              "name": "金属冶炼建设项目安全设施设计审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0097400001-511602000000-000-11511301MB1935318L-1-00&taskType=1&deptCode=3946653276082720768",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区市监局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "企事业单位计量器具检定授权",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0100300001-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "县级“守合同重信用企业”公示",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512031001001-511602000000-000-11511301MB051073XA-1-00&taskType=20&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "企业名称争议裁决",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=E-000021-001-1111111111111111&taskType=9&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "消费纠纷调解",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=A-005818-5818-511602000000-000-115113010087783353-1-00&taskType=20&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "特殊标志使用人书面使用合同存查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0113600001-511602000000-000-115113010087783353-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "对计量纠纷进行调解及仲裁检定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0100400001-511602000000-000-11511301MB051073XA-1-00&taskType=9&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "医疗用毒性药品购用审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A72020001-511602000000-000-11511301MB051073XA-1-00&taskType=1&deptCode=115113010087783353",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "对食品小作坊、小经营店进行备案",
          "sub_items": [
            {
              "name": "食品小经营店备案变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0102900002-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小作坊备案变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31018003-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小经营店备案注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0102900004-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小经营店备案续期",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0102900003-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小作坊备案续期",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31018005-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小经营店备案发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0102900001-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小作坊备案发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31018001-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "食品小作坊备案注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31018004-511602000000-000-11511301MB051073XA-1-00&taskType=10&deptCode=115113010087783353",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "企业监管信息核查",
          "sub_items": [
            {
              "name": "企业经营异常名录信息核查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512031152001-511602000000-000-11511301MB051073XA-1-00&taskType=20&deptCode=115113010087783353",
              "qrcode": ""
            },
            {
              "name": "企业严重违法失信名单信息核查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512031152002-511602000000-000-11511301MB051073XA-1-00&taskType=20&deptCode=115113010087783353",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区统计局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "统计严重失信企业名单信用修复",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512034008001-511602000000-000-11511301008778378G-1-00&taskType=20&deptCode=008778378",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区住建局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "房地产开发企业项目手册备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0163300000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建设工程勘察文件及施工图设计文件审查备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0128400000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "临时管理规约和前期物业服务合同备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0324100000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "住宅专项维修资金交存",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0110100008-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "住宅专项维修资金使用备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0110100009-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "住宅专项维修资金查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0110100006-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建设工程质量监督备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0164100000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "住宅专项维修资金分户账更名",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0110100007-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "工程建设项目招标投标活动投诉的处理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=Z-000045-001-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "其他建设工程消防验收备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17419001-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建筑起重机械使用登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17012002-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "供气报装",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512017438001-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "房地产经纪机构备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17023004-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建设工程招标投标情况书面报告",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0714600000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建设项目古树名木保护方案备案（住建行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64045002-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建筑起重机械安装、拆卸告知",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17013002-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "燃气设施建设工程竣工验收情况备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0298700000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "危旧房棚户区改造信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0371900000-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "城镇污水排入排水管网许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0148600000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "由于工程施工、设备维修等原因确需停止供水的审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0149600000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "公租房租金缴纳",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201700200002-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "住房保障家庭租赁补贴发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201700200001-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "拆除工程施工备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0320700000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "商品房预售许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0161600000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "供水报装",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512017439001-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "城镇排水与污水处理设施竣工验收备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0715800000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "最高投标限价（招标控制价）备案（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17028002-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "房地产开发项目转让备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0307900000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "改变绿化规划、绿化用地的使用性质审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0151100000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建筑起重机械首次出租及首次安装前备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0128600000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建设工程竣工验收备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0164700000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "物业查验文件备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0307700000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "环卫设施建设工程项目档案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0298600000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "工程竣工结算备案（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17010002-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "公共租赁住房申请资格审核认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201700200003-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "协议方式选聘物业服务企业的核准",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0164500000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "燃气经营者改动市政燃气设施审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0150500000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "安全施工措施备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0128700000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "特殊建设工程消防设计审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17023002-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "已购公有和经济适用住房上市交易审核",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0306800000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "农村危房改造农户档案信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0370200000-511602000000-000-11511301008778255F-1-00&taskType=20&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "特殊建设工程消防验收",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0148400000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "特殊车辆在城市道路上行驶（包括经过城市桥梁）审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0149100000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "燃气经营者停业、歇业审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0620000000-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "燃气经营许可证核发",
          "sub_items": [
            {
              "name": "燃气经营许可证注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024800019-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "燃气经营许可证延续",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17030001-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "燃气经营许可证新办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024800004-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "燃气经营许可证变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024800013-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "建筑工程施工许可证核发",
          "sub_items": [
            {
              "name": "建筑工程施工许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0126300000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "建筑工程施工许可证变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17018005-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "历史文化街区、名镇、名村核心保护范围内拆除历史建筑以外的建筑物、构筑物或者其他设施，历史建筑实施原址保护或者其外部修缮装饰、添加设施以及改变历史建筑的结构或者使用性质审批",
          "sub_items": [
            {
              "name": "历史文化街区、名镇、名村核心保护范围内拆除历史建筑以外的建筑物、构筑物或者其他设施审批新办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024700004-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "历史建筑实施原址保护审批新办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024700003-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "历史建筑外部修缮装饰、添加设施以及改变历史建筑的结构或者使用性质审批新办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024700005-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "因工程建设需要拆除、改动、迁移供水、排水与污水处理设施审核",
          "sub_items": [
            {
              "name": "拆除、移动城镇排水与污水处理设施方案审核",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17010003-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "因工程建设确需改装、拆除或者迁移城市公共供水设施审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0150600000-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "市政设施建设类审批",
          "sub_items": [
            {
              "name": "城市桥梁上架设各类市政管线审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17017005-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "市政设施建设类审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0024900001-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "依附于城市道路建设各种管线、杆线等设施审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17017004-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "物业管理招标及中标结果备案",
          "sub_items": [
            {
              "name": "物业管理中标结果备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=Z-000077-001-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "前期物业管理招标备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z17033001-511602000000-000-11511301008778255F-1-00&taskType=10&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "工程建设涉及城市绿地、树木审批",
          "sub_items": [
            {
              "name": "古树名木移植审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17014004-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            },
            {
              "name": "工程建设涉及城市绿地、树木审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0025000003-511602000000-000-11511301008778255F-1-00&taskType=1&deptCode=11511301008778255F",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区发改局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "粮食收购资格备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z59001004-511602000000-000-11511301008778175U-1-00&taskType=10&deptCode=008778175",
              "qrcode": ""
            },
            {
              "name": "供电报装",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512004013001-511602000000-000-11511301008778175U-1-00&taskType=20&deptCode=008778175",
              "qrcode": ""
            },
            {
              "name": "企业投资项目备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0166300000-511602000000-000-008778175-1-00&taskType=10&deptCode=008778175",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区委办",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "对重大活动档案延期移交的审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=Z-000287-001-511602000000-000-12511301MB1297707Y-1-00&taskType=10&deptCode=008778546",
              "qrcode": ""
            },
            {
              "name": "对重点建设项目（工程）档案的验收",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=Z-000408-001-511602000000-000-12511301MB1297707Y-1-00&taskType=10&deptCode=008778546",
              "qrcode": ""
            },
            {
              "name": "销毁国有企业资产与产权变动档案备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=Z-000324-001-511602000000-000-12511301MB1297707Y-1-00&taskType=10&deptCode=008778546",
              "qrcode": ""
            },
            {
              "name": "对国有企业文件材料归档范围和保管期限表的审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z75003001-511602000000-000-1151130100877801XA-1-00&taskType=10&deptCode=008778546",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区民政局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "事实无人抚养儿童认定及基本生活补贴发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201104100007-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "建设社会公共墓地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000040-511602000000-000-11511301008778298W-1-00&taskType=1&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "重度残疾人护理补贴",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201103900004-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "家庭经济困难儿童提供最低生活保障",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201104100008-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "困难残疾人生活补贴",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201103900003-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "80周岁以上老年人高龄津贴发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600037-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "养老机构设立备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512011001001-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "临时救助",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600031-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "中国内地公民婚姻登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0287300000-511602000000-000-11511301008778298W-1-00&taskType=7&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "中国公民收养子女登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0287700000-511602000000-000-11511301008778298W-1-00&taskType=7&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "社会组织活动异常名录信用修复",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512011046001-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "特困人员救助供养",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600030-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "离婚登记预约",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201104200004-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "城市生活无着流浪乞讨人员救助",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600035-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "最低生活保障",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600029-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "补领结婚证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600027-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "孤儿救助资格认定及基本生活费发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201104100006-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "社会组织档案查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600023-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "艾滋病病毒感染儿童基本生活费发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201104100005-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            },
            {
              "name": "结婚登记预约",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201104200003-511602000000-000-11511301008778298W-1-00&taskType=20&deptCode=11511301008778298W",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区人社局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "养老保险供养亲属领取待遇资格认证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600005-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位社会保险缴费申报与变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400100002-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            },
            {
              "name": "企业职工基本养老保险与城乡居民基本养老保险互转申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068100006-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "城乡居民基本养老保险关系转移接续申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359600026-511602000000-000-12511301452262044F-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位基本养老保险与企业职工基本养老保险互转申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359600021-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业职工基本养老保险关系转移接续申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068100002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "养老保险定期待遇领取资格认证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600004-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "达到法定退休年龄缴费不满15年社保权益申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600010-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业实行不定时工作制和综合计算工时工作制审批意见和制度方案异地备案（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14004004-511602000000-000-11511301008778239R-1-00&taskType=1&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "失业登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066800002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066800001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业职工社会保险费欠费补缴申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359300008-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "职称评审委员会备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0361200003-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位基本养老保险关系转移接续（含职业年金）申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359600022-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "职业指导",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066500002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "零就业家庭认定申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400008-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "病残津贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068400009-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业经济性裁员报告",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0071500001-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "集体合同审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0071400001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "求职创业补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0159000000-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "依据档案记载出具相关证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0071100004-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "政审（考察）服务",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0071100002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "到档查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401600003-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "档案材料补充",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401600010-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "档案查（借）阅服务",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401600008-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "在校大学生创业担保贷款贴息申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066700006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "大学生创新创业园区（孵化基地）申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067100001-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "大学生创业吸纳就业奖励申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066700005-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "创业专家咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066700001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "职业技能鉴定补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067700001-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "创业补贴申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066700003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "创业担保贷款申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066700004-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业创业证查询、核验",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066800003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "供养亲属抚恤金申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500023-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "一次性工亡补助金（含生活困难，预支50%确认）、丧葬补助金申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500019-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "工伤保险定期待遇领取资格认证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401400008-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "领取因工死亡职工供养亲属待遇资格认证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401400009-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "经营性人力资源服务机构开展人力资源服务业务备案(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14006026-511602000000-000-11511301008778239R-1-00&taskType=1&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "工伤保险待遇变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401400005-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业重点群体生活费（含交通费）补贴申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067600003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业职工养老金发放明细查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400800004-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "职业年金个人权益记录单查询打印",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512014018003-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            },
            {
              "name": "个人参保证明查询打印",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401800006-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "个人权益记录查询打印",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401800008-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "社会保障卡启用（激活）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200004-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "社会保障卡应用状态查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200011-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "单位参保证明查询打印",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068700010-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "社会保障卡补领、换领、换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "社会保障卡注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200007-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "招聘会服务",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0360200002-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "职业供求信息、市场工资指导价位信息和职业培训信息发布",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400500002-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "工伤保险协议医疗机构申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0069100001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "劳动人事争议仲裁申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400800001-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "工伤异地就医申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359700032-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "住院伙食补助费申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500028-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "工伤医疗（康复）费用申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500015-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业困难人员灵活就业社保补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "转诊转院到异地就医申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0363900000-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "个人基本信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068000007-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "旧伤复发申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0363800000-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "定期待遇发放账户维护申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068000011-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "遗属待遇申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068400008-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "暂停养老保险待遇申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068400018-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "恢复养老保险待遇申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068400011-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "高校毕业生社保补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0158800000-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "城乡居民基本养老保险待遇申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359600025-511602000000-000-12511301452262044F-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "求职创业补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512014025002-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "伤残待遇申领（一次性伤残补助金，伤残津贴和生活护理费）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500017-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "辅助器具配置（更换）费用申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500025-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "一次性工伤医疗补助金申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401400038-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "就业困难人员认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400003-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "领取失业保险金期间职业培训补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100007-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "领取失业保险金期间职业介绍补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100012-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "失业保险技能提升补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100005-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "失业保险金发放关系转移",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401100002-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "失业保险稳岗返还申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100004-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "灵活就业人员企业职工基本养老保险参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0369200000-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "失业保险金申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "领取失业保险金期间丧葬补助金和抚恤金申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100010-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位社会保险登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401900003-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业社会保险登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067900009-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "工伤事故备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0363500000-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "领取失业保险待遇期间生育补助金申请和发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070100009-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "军地养老保险关系转移接续申请",
          "sub_items": [
            {
              "name": "未就业随军配偶养老保险关系转移接续申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068100003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "军人退役养老保险关系转移接续申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600032-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "职业介绍",
          "sub_items": [
            {
              "name": "职业介绍",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066500001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "招聘服务",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066500003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "社会保险费断缴补缴申报",
          "sub_items": [
            {
              "name": "企业职工社会保险费补缴申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068200006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "城乡居民基本养老保险费补缴申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400100001-511602000000-000-12511301452262044F-1-00&taskType=20&deptCode=1151130108778239R_6861",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "社会保障卡申领",
          "sub_items": [
            {
              "name": "社会保障卡申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200003-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "电子社会保障卡签发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201402100001-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "档案的接收和转递",
          "sub_items": [
            {
              "name": "档案接收",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401600009-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "档案转出",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0071100006-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "吸纳贫困劳动力就业奖补申领",
          "sub_items": [
            {
              "name": "企业（单位）招用就业困难人员补贴申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400006-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业吸纳就业税收政策人员认定申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400007-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "职业培训补贴申领",
          "sub_items": [
            {
              "name": "创业培训补贴申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067600002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业技能培训补贴申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067600001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业技能培训开班（含报名）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066900001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "创业培训开班（含报名）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066900002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "劳务派遣经营许可",
          "sub_items": [
            {
              "name": "劳务派遣单位设立分公司书面报告(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14003005-511602000000-000-11511301008778239R-1-00&taskType=1&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "劳务派遣单位设立分公司异地备案(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14003003-511602000000-000-11511301008778239R-1-00&taskType=1&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "社会保障卡信息变更",
          "sub_items": [
            {
              "name": "社会保障卡参保地转移",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201402100003-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "社会保障卡非关键信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200010-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "社会保障卡密码修改与重置",
          "sub_items": [
            {
              "name": "社会保障卡密码修改",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200002-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "社会保障卡密码重置",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200005-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "社会保障卡挂失与解挂",
          "sub_items": [
            {
              "name": "社会保障卡解挂",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200001-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "社会保障卡挂失",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0070200008-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "辅助器具配置更换申请",
          "sub_items": [
            {
              "name": "辅助器具异地配置申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401400036-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "辅助器具配置（更换）申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068500024-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "单位基本信息变更",
          "sub_items": [
            {
              "name": "机关事业单位信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401700001-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068000009-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "机关事业单位职业年金缴纳",
          "sub_items": [
            {
              "name": "机关事业单位职业年金缴纳",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359400002-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位职业年金缴费工资申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201402000003-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "养老保险个人账户储存额一次性申领",
          "sub_items": [
            {
              "name": "机关事业单位养老保险个人账户储存额一次性申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600028-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            },
            {
              "name": "企业职工基本养老保险个人账户储存额一次性申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600031-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "多重养老保险关系个人账户退费",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068100004-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "高等学校等毕业生接收手续办理",
          "sub_items": [
            {
              "name": "离校未就业高校毕业生登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0157900000-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "高校毕业生报到",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201402500004-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "集体户口管理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201402500003-511602000000-000-11511301008778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "职工退休申请",
          "sub_items": [
            {
              "name": "企业职工基本养老保险正常退休申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600001-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位新增退休人员基础信息申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600008-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "企业职工基本养老保险提前退休申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600030-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "机关事业单位人员基本养老保险视同缴费年限申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0068400012-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位基本养老保险改革后退休人员预发待遇申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600007-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "机关事业单位基本养老保险退休人员待遇重新申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600006-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            },
            {
              "name": "企业职工基本养老保险退休待遇重核申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201400600029-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "就业见习补贴申领",
          "sub_items": [
            {
              "name": "就业见习岗位申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0158400000-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业见习补贴申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0158200000-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "就业见习申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0158000000-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "公益性岗位补贴申领",
          "sub_items": [
            {
              "name": "公益性岗位申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400004-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "公益性岗位申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400005-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "公益性岗位补贴申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0066400002-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "缴费人员减少",
          "sub_items": [
            {
              "name": "城乡居民基本养老保险注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401900010-511602000000-000-12511301452262044F-1-00&taskType=20&deptCode=1151130108778239R_6861",
              "qrcode": ""
            },
            {
              "name": "缴费人员减少",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067900010-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "参保单位注销",
          "sub_items": [
            {
              "name": "企业注销社会保险登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359100009-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            },
            {
              "name": "机关事业单位社会保险注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359100010-511602000000-000-1251130145226113XA-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "工程建设项目办理工伤保险参保登记",
          "sub_items": [
            {
              "name": "工程建设项目人员增减申报",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401900002-511602000000-000-12511301452260997J-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            },
            {
              "name": "工程建设项目办理工伤保险参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067900015-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "城乡居民养老保险参保登记",
          "sub_items": [
            {
              "name": "城乡居民基本养老保险补助",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401900011-511602000000-000-12511301452262044F-1-00&taskType=20&deptCode=1151130108778239R_6861",
              "qrcode": ""
            },
            {
              "name": "城乡居民基本养老保险参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0359100011-511602000000-000-12511301452262044F-1-00&taskType=20&deptCode=1151130108778239R",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "职工参保登记",
          "sub_items": [
            {
              "name": "机关事业单位职工参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067900004-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R_6391",
              "qrcode": ""
            },
            {
              "name": "企业职工参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0067900008-511602000000-000-1151130108778239R-1-00&taskType=20&deptCode=1151130108778239R_5143",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "失业保险待遇发放账户维护申请（用人单位）",
          "sub_items": [
            {
              "name": "失业保险补贴发放账户维护（用人单位）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401100003-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            },
            {
              "name": "失业保险待遇发放账户维护（个人）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51201401100004-511602000000-000-1251130145225903XN-1-00&taskType=20&deptCode=1151130108778239R_6918",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区残联",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "残疾人基本型辅助器具适配申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0645800000-511602000000-000-11511301452259996U-1-00&taskType=20&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人证新办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F82001002-511602000000-000-11511301452259996U-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人教育资助申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0569600000-511602000000-000-11511301452259996U-1-00&taskType=20&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "盲人保健按摩培训申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0569700000-511602000000-000-11511301452259996U-1-00&taskType=20&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人托养服务申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0569500000-511602000000-000-11511301452259996U-1-00&taskType=20&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "困难重度残疾人家庭无障碍改造申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0374600000-511602000000-000-11511301452259996U-1-00&taskType=20&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾儿童康复训练申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0566900000-511602000000-000-11511301452259996U-1-00&taskType=20&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人证换领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F82001003-511602000000-000-11511301452259996U-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾类别/等级变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F82001008-511602000000-000-11511301452259996U-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人证注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F82001007-511602000000-000-11511301452259996U-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人证挂失补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F82001006-511602000000-000-11511301452259996U-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "残疾人证迁移",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F82001004-511602000000-000-11511301452259996U-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            },
            {
              "name": "全国残疾人按比例就业情况联网认证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0045400001-511602000000-000-11511301452259996u-1-00&taskType=7&deptCode=11511301452259996u",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区气象局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "升放无人驾驶自由气球或者系留气球活动审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0154800000-511602000000-000-12511300452259013M-2-00&taskType=1&deptCode=45225901-3",
              "qrcode": ""
            },
            {
              "name": "组织气候可行性论证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0170800000-511602000000-000-12511300452259013M-1-00&taskType=10&deptCode=45225901-3",
              "qrcode": ""
            },
            {
              "name": "对在气象工作中做出突出贡献的单位和个人进行奖励",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=H-000185-001-4444444444&taskType=8&deptCode=45225901-3",
              "qrcode": ""
            },
            {
              "name": "雷电灾害鉴定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0167300000-511602000000-000-45225901-3-2-00&taskType=7&deptCode=45225901-3",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "雷电防护装置设计审核和竣工验收",
          "sub_items": [
            {
              "name": "雷电防护装置设计审核",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0155000000-511602000000-000-12511300452259013M-2-00&taskType=1&deptCode=45225901-3",
              "qrcode": ""
            },
            {
              "name": "雷电防护装置竣工验收",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0036600001-511602000000-000-12511300452259013M-2-00&taskType=1&deptCode=45225901-3",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "广安区税务局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "申报错误更正（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001400003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "跨区域涉税事项报验（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000200015-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "跨区域涉税事项信息反馈（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000200016-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "开具无欠税证明",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001500012-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "中国居民（国民）申请启动税务相互协商程序",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001800002-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "个人所得税递延纳税报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000004-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税人合并分立情况报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "欠税人处置不动产或大额资产报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000002-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "跨区域涉税事项报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000200014-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "其他出口退（免）税备案（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000600003-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "合伙制创业投资企业单一投资基金核算方式报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000008-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "出口退（免）税企业备案信息报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000600001-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "个人所得税抵扣情况报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000007-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "个人所得税分期缴纳报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000006-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "中国税收居民身份证明的开具（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000400008-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "两证整合个体工商户信息变更（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000100008-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "开具个人所得税纳税记录（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001500004-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "一照一码户信息变更（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000100005-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "开具税收完税证明（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001500001-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "退税商店资格信息报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F30009010-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "个体工商户信息确认（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000100004-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "一照一码户信息确认（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000100002-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "转开印花税票销售凭证（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001500003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "科技成果转化暂不征收个人所得税备案（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000005-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "印制有本单位名称发票（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000100033-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "发票票种核定（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000100011-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "注销税务登记（适用于“一照一码”“两证整合”以外的纳税人）（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z30011009-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "存款账户账号报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000800007-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "财务会计制度及核算软件备案报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000800008-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "银税三方（委托）划缴协议（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000800009-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "面对面咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001900003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "选择按小规模纳税人纳税的情况说明（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000900007-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税人（扣缴义务人）身份信息报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000100007-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "电话咨询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001900001-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "非正常户解除（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F30005013-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "代开增值税普通发票（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000500007-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "增值税税控系统专用设备初始发行（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001100001-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "代开增值税专用发票（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000500004-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "发票缴销（县级行使)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001100008-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "发票验（交）旧（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001100007-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "代开发票作废（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000500008-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "发票领用(县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001100005-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税信用修复（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000500003-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税信用复评（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000500002-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "增值税税控系统专用设备注销发行（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001100004-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "同期资料报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001600004-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "服务贸易等项目对外支付税务备案（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001600003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "非居民企业股权转让适用特殊性税务处理的备案（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001600006-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "非居民企业间接转让财产事项报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001600005-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "存根联数据采集（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001200006-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "境内机构和个人发包工程作业或劳务项目备案（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001600002-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "停业登记(县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000400001-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "临时开票权限办理（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001200005-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "发票遗失、损毁报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001200004-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税信用补评（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000500001-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "涉税专业服务机构（人员）信用复核（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000900002-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "增值税税控系统专用设备变更发行（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001100003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "软件产品增值税即征即退进项分摊方式资料报送与信息报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000900009-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "软件和集成电路产业企业所得税优惠事项资料报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000900008-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "税务注销即时办理（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z30012007-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "财务会计报告报送（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001300001-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "货物运输业小规模纳税人异地代开增值税专用发票备案（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000300003-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "税收统计调查数据采集（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000015-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "增值税一般纳税人登记（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000300001-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "复业登记（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000400002-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "涉税专业服务专项报告报送（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000800005-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "红字增值税专用发票开具申请（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001200003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "境外注册中资控股企业居民身份认定申请（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000300009-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税信用复核（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F3000500029-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "涉税专业服务年度报告报送（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000800006-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "增值税专用发票（增值税税控系统）最高开票限额审批（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A30006012-511602000000-000-11511301MB1549994W-1-00&taskType=1&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "涉税专业服务协议要素信息报送（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000800004-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "涉税专业服务机构（人员）基本信息报送（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z3000800002-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税服务投诉处理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203002100002-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "注销扣缴税款登记（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z30013003-511602000000-000-11511301MB1549994W-1-00&taskType=10&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "财产和行为税税源信息报告（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203001000009-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "自然人自主报告身份信息（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000700005-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "扣缴义务人报告自然人身份信息（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000700006-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "纳税人涉税信息查询（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203002000002-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "解除相关人员关联关系（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000700007-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "税务证件增补发（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203000700008-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "发票真伪鉴定（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F30007010-511602000000-000-11511301MB1549994W-1-00&taskType=7&deptCode=008779522",
              "qrcode": ""
            },
            {
              "name": "第三方涉税保密信息查询（县级行使）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203002000003-511602000000-000-11511301MB1549994W-1-00&taskType=20&deptCode=008779522",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区公管办",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "资产资源信息发布",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0122100004-511602000000-000-06032418-9-1-00&taskType=20&deptCode=06032418-9",
              "qrcode": ""
            },
            {
              "name": "工程建设信息发布",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0122100001-511602000000-000-06032418-9-1-00&taskType=20&deptCode=06032418-9",
              "qrcode": ""
            },
            {
              "name": "投标保证金退付",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0122600001-511602000000-000-125113010603241893-2-00&taskType=20&deptCode=06032418-9",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区政府办",
      "items": [
        {
          "main_item": "应建防空地下室的民用建设项目报建审批",
          "sub_items": [
            {
              "name": "建设项目人防工程竣工验收",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0047100006-511602000000-000-115113010087780365-1-00&taskType=1&deptCode=4431152073643597824",
              "qrcode": ""
            },
            {
              "name": "建设项目易地建设人防工程竣工验收",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A35004001-511602000000-000-115113010087780365-1-00&taskType=1&deptCode=4431152073643597824",
              "qrcode": ""
            },
            {
              "name": "防空地下室易地建设费核定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0047100007-511602000000-000-115113010087780365-1-00&taskType=1&deptCode=4431152073643597824",
              "qrcode": ""
            },
            {
              "name": "建设项目人防工程设计审查规划审批阶段",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0047100008-511602000000-000-115113010087780365-1-00&taskType=1&deptCode=4431152073643597824",
              "qrcode": ""
            },
            {
              "name": "建设项目人防工程设计审查施工许可阶段",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0047100009-511602000000-000-115113010087780365-1-00&taskType=1&deptCode=4431152073643597824",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "核实建设项目落实人民防空要求",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z99292001-511602000000-000-115113010087780365-1-00&taskType=10&deptCode=4431152073643597824",
              "qrcode": ""
            },
            {
              "name": "城市地下空间的规划和开发利用审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0169800000-511602000000-000-115113010087780365-1-00&taskType=10&deptCode=4431152073643597824",
              "qrcode": ""
            },
            {
              "name": "人民防空工程平时使用备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0140700000-511602000000-000-115113010087780365-1-00&taskType=20&deptCode=4431152073643597824",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区退役军人事务局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "退役士兵自主就业一次性经济补助金的给付",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511G24004002-511602000000-000-11511301MB163323XU-1-00&taskType=5&deptCode=3908858105265704960",
              "qrcode": ""
            },
            {
              "name": "退役报到",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512024029001-511602000000-000-11511301MB163323XU-1-00&taskType=20&deptCode=3908858105265704960",
              "qrcode": ""
            },
            {
              "name": "预备役登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512024030001-511602000000-000-11511301MB163323XU-1-00&taskType=20&deptCode=3908858105265704960",
              "qrcode": ""
            },
            {
              "name": "伤残抚恤关系接收、转移办理(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512061004003-511602000000-000-11511301MB163323XU-1-00&taskType=20&deptCode=3908858105265704960",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "伤残证件换发、补发、变更",
          "sub_items": [
            {
              "name": "伤残证件变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512061006002-511602000000-000-11511301MB163323XU-1-00&taskType=20&deptCode=3908858105265704960",
              "qrcode": ""
            },
            {
              "name": "伤残证件换发、补发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512061006005-511602000000-000-11511301MB163323XU-1-00&taskType=20&deptCode=3908858105265704960",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区医疗保障局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "定点医药机构信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036010003-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "零售药店申请定点协议管理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036010001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "医疗机构申请定点协议管理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036010002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "职工基本医疗保险费趸缴清算",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203600100019-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "医保电子凭证申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001008-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "基本医疗保险关系转移接续",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036004002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "常驻异地工作人员备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036005005-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "门诊费用报销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036007001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "异地安置退休人员备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036005001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "参保单位参保信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036003001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "医疗救助对象手工（零星）报销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036009002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "符合资助条件的救助对象参加城乡居民基本医疗保险个人缴费补贴",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036009001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "基本医疗保险参保人员享受门诊慢特病病种待遇认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036012001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "单行支付药品、高值药品支付管理病种待遇认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036012003-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "定点医药机构申请恢复协议管理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036010005-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "参保人员个人账户资金一次性支取",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036003003-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "参保人员参保信息查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036003002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "异地长期居住人员备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036005002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "单位参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "生育医疗费支付",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036008002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "职工参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "计划生育医疗费支付",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036008003-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "生育津贴支付",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036008004-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "职工参保信息变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001005-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "其他临时外出就医人员备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=51203600500012-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "城乡居民参保信息变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001006-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "城乡居民参保登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001003-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "单位参保信息变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036001004-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "住院费用报销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036007002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "定点医药机构申请暂停（终止）协议管理",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036010004-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "基本医疗保险定点零售药店费用结算",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036011002-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "基本医疗保险定点医疗机构费用结算",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036011001-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            },
            {
              "name": "异地转诊人员备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512036005003-511602000000-000-11511301MB15537661-1-00&taskType=20&deptCode=4148481895459659776",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区林业局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "猎捕非国家重点保护陆生野生动物新办审批（县级权限）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64031001-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "森林防火期内在森林防火区野外用火活动审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0145000000-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "草原防火期内因生产活动需要在草原上野外用火新办审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64184001-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "森林经营单位修筑直接为林业生产服务的工程设施占用林地审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0143700000-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "森林高火险期内进入森林高火险区新办审批（县级权限）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0154300000-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "草原防火期内在草原上进行爆破、勘察和施工等活动新办审批（县级权限）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64185003-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "临时占用林地审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0143500000-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "林木采伐许可证核发（县级权限）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0148700000-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "紧急情况林木采伐备案(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z64008004-511602000000-000-11511301MB1P96705T-1-00&taskType=10&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "省内调运林草植物检疫证书新办核发（县级权限）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64022002-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "从事营利性治沙活动新办许可（县级权限）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0077600001-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "临时占用、在草原上修建为草原保护和畜牧业生产服务的工程设施审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64019002-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "林草种子生产经营许可证核发",
          "sub_items": [
            {
              "name": "林草种子生产经营许可证延续（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64023006-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "林草种子生产经营许可证变更（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A64023004-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            },
            {
              "name": "普通林草种子生产经营许可新办审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0083000010-511602000000-000-11511301MB1P96705T-1-00&taskType=1&deptCode=4588062259066118144",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区行政审批局",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "在公路增设或改造平面交叉道口审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0141700000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "临时性建筑物搭建、堆放物料、占道施工审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0149300000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非国有文物收藏单位和其他单位借用国有文物收藏单位馆藏文物审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0073000001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "企业实行不定时工作制和综合计算工时制审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14004003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "广播电台、电视台设立初审",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0001400001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "占用、挖掘普通公路、普通公路用地或者使公路改线审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0099100005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "设立宗教活动临时地点审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0603500000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "固定资产投资项目节能审查（企业技术改造项目）(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A07004003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健专项技术服务人员资格首次申报认定（婚前医学检查、助产技术、终止妊娠手术、结扎手术）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012400005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "水域滩涂养殖证的审核",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0131400000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "慈善组织认定",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0082000001-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办初级中学、小学、幼儿园校（园）长变更审核确认",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F05002004-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所主要教职人员任职的备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0171300000-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "利用水利工程开展经营活动审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017700001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "更新采伐护路林审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0141000000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "出具民办非企业单位开立验资账户通知书",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600022-511602000000-000-115113016823646795-1-00&taskType=20&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公民民族成份确认和变更（未满十八岁）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0127600000-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "一般设计变更核备或审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0226500000-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "设置非公路标志审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0141500000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "渔业船舶船员证书核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0131500000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营利用国家和省重点保护水生野生动物及其制品审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0155100000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "出具社会团体开立验资账户通知书",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0003600021-511602000000-000-115113016823646795-1-00&taskType=20&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公民民族成份确认和变更（满十八岁）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F0167400000-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "国家二级保护农业野生植物采集审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0089500003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文物保护单位的建设控制地带内进行建设工程的许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0032000001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "天然水域鱼类资源的人工增殖放流审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0131600000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文艺、体育等专业训练的社会组织自行实施义务教育审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0138100000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "夜间建筑施工许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0149400000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "烟花爆竹经营（零售）许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0007700001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "承担国家法定计量检定机构任务授权",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041800001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "固定资产投资项目节能审查（企业技术改造项目除外）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0108100001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "河道管理范围内有关活动（不含河道采砂）审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0018400001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "生鲜乳准运证明核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0131700000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "社会团体成立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000024-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "社会团体注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000025-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "在宗教活动场所内改建或者新建建筑物审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0146300000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "社会团体修改章程核准",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000036-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "国家二级和省重点保护水生野生动物猎捕许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0132700000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "中医诊所备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z23001004-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "关闭、闲置、拆除生活垃圾处置的设施、场所核准",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0151800000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "水利工程管理范围内建设项目审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0019000001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "社会团体变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000041-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机\\联合收割机检验合格标志核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512020085001-511602000000-000-115113016823646795-1-00&taskType=20&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农村集体经济组织修建水库审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0018100002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "临时占用公共体育场（馆）设施审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0051300001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构放射性职业病危害建设项目预评价报告审核（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0153200000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "中介机构从事代理记账业务审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0036800001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "乡镇设立广播电视站和机关、部队、团体、企业事业单位设立有线广播电视站审批（根据省政府349号令，该事项办理已委托成都、德阳、绵阳、乐山、南充、泸州、宜宾、达州8个市实施）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0139100000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "县级文物保护单位原址保护措施审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0016700003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "企业登记档案资料查询",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=512B0110700001-511602000000-000-115113016823646795-1-00&taskType=20&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "渔业船舶登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0130500000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "一次性内部资料性出版物准印证核发（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0000600001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "电影放映单位设立审批（内资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0101000002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办非企业单位注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000028-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "校车使用许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0138900000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办非企业单位修改章程核准",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000038-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "娱乐场所补证审批（含中外合资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "娱乐场所注销审批（含中外合资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "科研和教学所需毒性药品购用审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0025100001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办非企业单位成立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000026-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "国家和省重点水生野生动物人工繁育许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0156500000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "跨越、穿越普通公路修建桥梁、渡槽或者架设、埋设管线等设施的，以及在普通公路用地范围内架设、埋设管线、电缆等设施，或者利用普通公路桥梁、普通公路隧道、涵洞铺设电缆等设施的许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0099200009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "娱乐场所延续审批（含中外合资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办非企业单位变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000047-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所法人登记审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033700018-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "广播电视视频点播业务许可证（乙种）审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0138400000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "占用农业灌溉水源、水利工程及其附属设施，或者影响灌溉用水、供水水源的建设项目审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045200001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "新建或迁建农村机电提灌站审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0131200000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "在大坝管理和保护范围内修建码头、鱼塘许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0018000002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "设置农村公益性墓地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000033-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "内资医疗机构设置审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0037300003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "水产苗种生产审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0131300000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "占用、挖掘城市道路审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17017003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公路超限运输许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0101400001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构放射性职业病危害建设项目竣工验收（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0153300000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "卫星电视广播地面接收设施安装服务许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0137400000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "在电力设施周围或电力设施保护区内进行可能危及电力设施安全作业的审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0078800001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "关闭、闲置、拆除城市环卫设施许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0151700000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "水利工程可行性研究报告审查(据省政府令第349号,部分省级权限下放成都等８市)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017900001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "慈善组织公开募捐资格审批",
          "sub_items": [
            {
              "name": "慈善组织公开募捐资格审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000039-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "《慈善组织公开募捐资格证书》补发、换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0045000063-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "股权出质登记",
          "sub_items": [
            {
              "name": "股权出质变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F31141002-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "股权出质设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F31141001-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "股权出质注销/撤销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511F31141003-511602000000-000-115113016823646795-1-00&taskType=7&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "企业设立、变更、注销登记",
          "sub_items": [
            {
              "name": "合伙企业分支机构注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100187-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "因公司合并（分立）申请设立、变更或注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100098-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100061-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "申请增加、减少证照",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100220-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "分公司变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100073-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "市场主体迁移调档",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100226-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人分支机构注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100109-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100152-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个人独资企业设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100190-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "撤销变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100083-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个人独资企业变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100195-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人分支机构变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100082-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个人独资企业分支机构变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100214-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人按《公司法》改制登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100124-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公司变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100078-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100052-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "分公司设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100173-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "因公司的股东发生合并（分立），公司申请变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100128-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个人独资企业分支机构注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100219-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个人独资企业分支机构设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100213-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人分支机构设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100121-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "合伙企业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A31004003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "证照遗失补领、换发申请",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100101-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "合伙企业设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100091-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个人独资企业注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100200-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "合伙企业分支机构设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100157-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公司注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100118-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "市场主体歇业备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A31004005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公司备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100093-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "合伙企业变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100112-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公司设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100070-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "非公司企业法人注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100063-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "合伙企业注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100156-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "分公司注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100064-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "合伙企业分支机构变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0064100158-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "公共场所卫生许可",
          "sub_items": [
            {
              "name": "公共场所卫生许可新办审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015500009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公共场所卫生许可延续（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015500013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公共场所卫生许可变更（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015500010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公共场所卫生许可证注销（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015500015-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公共场所卫生许可遗失补办（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015500014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "经营高危险性体育项目许可",
          "sub_items": [
            {
              "name": "经营攀岩许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营高危险性体育项目延续审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营潜水许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营滑雪许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营游泳许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营高危险性体育项目变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营高危险性体育项目补办审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022500014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "特种设备作业人员资格认定",
          "sub_items": [
            {
              "name": "特种设备作业人员资格认定补发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0358400003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "特种设备作业人员资格认定复审",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0358400002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "特种设备作业人员资格认定取证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0358400001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "蚕种生产、经营许可证核发",
          "sub_items": [
            {
              "name": "蚕种生产许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090500010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "蚕种经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090500011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "蚕种冷藏、浸酸生产许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090500012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "文艺表演团体《营业性演出许可证》登记",
          "sub_items": [
            {
              "name": "文艺表演团体《营业性演出许可证》延续审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017300003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文艺表演团体《营业性演出许可证》注销审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017300006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文艺表演团体变更《营业性演出许可证》载明事项审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017300007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文艺表演团体《营业性演出许可证》补证审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200600015-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "设立文艺表演团体《营业性演出许可证》核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017300004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "生鲜乳收购站许可",
          "sub_items": [
            {
              "name": "生鲜乳收购站许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0091200003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "生鲜乳收购许可证信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0091200004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "个体工商户注册、变更、注销登记",
          "sub_items": [
            {
              "name": "个体工商户注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074300009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个体工商户变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074300011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "个体工商户设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074300005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批",
          "sub_items": [
            {
              "name": "城市建筑物、设施上张挂、张贴宣传品审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A17033003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "城市建筑物、设施上张挂、张贴宣传品审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0188100004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "设置大型户外广告的审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0188100003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "农药生产经营审批",
          "sub_items": [
            {
              "name": "农药经营许可证延续（其他农药）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0093000029-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农药经营许可证核发（其他农药）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0093000024-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农药经营许可证补发（其他农药）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0093000030-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农药经营许可证变更（其他农药）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0093000028-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "换发民办学校及其他民办教育机构办学许可证",
          "sub_items": [
            {
              "name": "民办初级中学、小学、幼儿园办学许可证到期换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z05002006-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "线下学科类校外培训机构办学许可证到期换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z05002008-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "实施中等及中等以下学历教育、学前教育、自学考试助学及其他文化教育的学校设立、变更和终止审批",
          "sub_items": [
            {
              "name": "中等及以下其他教育机构设立审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000071-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "中等及以下其他教育机构变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000072-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "中等及以下其他教育机构筹设审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000068-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "幼儿园设立审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000062-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "义务教育学校变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000047-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "幼儿园变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000063-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "义务教育学校设立审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000046-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "义务教育学校筹设审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000044-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "幼儿园筹设审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0050000060-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "宗教活动场所登记、注销或者变更登记内容审批",
          "sub_items": [
            {
              "name": "宗教活动场所注销登记审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033700002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所终止审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033700016-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所变更登记审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033700003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所登记审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033700001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033700017-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "医疗机构执业登记（人体器官移植除外）",
          "sub_items": [
            {
              "name": "医疗机构申请开展健康体检（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700035-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构执业审批（注销）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700021-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构执业审批（新办）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700019-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构执业许可证遗失补办（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700022-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构执业变更（承诺件）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700032-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医疗机构执业变更（即办件）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013700023-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "筹备设立宗教活动场所审批",
          "sub_items": [
            {
              "name": "设立其它固定处所审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0126600000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "筹备设立寺院、宫观、清真寺、教堂审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0033400001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所异地重建审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0602600000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "宗教活动场所扩建审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0602900000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "水利基建项目初步设计文件审批",
          "sub_items": [
            {
              "name": "初步设计文件审批(据省政府令第349号,部分省级权限下放成都等８市)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074200004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "重大设计变更文件审批（含概算调整）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074200005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "文旅类社会团体成立、变更、注销前审查、年检初审",
          "sub_items": [
            {
              "name": "文旅类社会团体成立登记前审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22006011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文旅类社会团体注销登记前审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22006014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文旅类社会团体变更登记前审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22006013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文旅类社会团体年检初审",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22006012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "文旅类社会团体筹备申请前审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22006010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "对食品生产经营者自建网站交易进行备案",
          "sub_items": [
            {
              "name": "对食品生产者自建网站交易进行备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31019001-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "对食品生产经营者自建网站交易备案进行补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0111500004-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "对食品生产经营者自建网站交易备案进行注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0111500001-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "对食品生产经营者自建网站交易备案进行发放",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0111500003-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "对食品生产经营者自建网站交易进行备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=513A0111500002-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "农民专业合作社设立、变更、注销登记",
          "sub_items": [
            {
              "name": "农民专业合作社（联合社）分支机构注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074400025-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农民专业合作社（联合社）分支机构变更登记（备案）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074400026-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农民专业合作社（联合社）备案登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0716700000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农民专业合作社（联合社）分支机构设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074400012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农民专业合作社（联合社）注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074400020-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农民专业合作社（联合社）设立登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074400015-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "农民专业合作社（联合社）变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0074400011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "人力资源服务许可",
          "sub_items": [
            {
              "name": "经营性人力资源服务机构设立分支机构、变更名称、住所、法定代表人、终止经营活动书面报告(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14006027-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营性人力资源服务机构从事职业中介活动许可（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14006025-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "营业性演出审批",
          "sub_items": [
            {
              "name": "举办营业性演出审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0018200003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "举办营业性演出变更申请材料所列事项审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2201200001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "拖拉机/联合收割机驾驶证核发",
          "sub_items": [
            {
              "name": "拖拉机/联合收割机驾驶证注销驾驶资格",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20039001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机联合收割机驾驶证补换证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20039005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机驾驶证转入",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085600008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机驾驶证初次申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085600006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机驾驶证恢复驾驶资格",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085600009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机驾驶证转出",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20039002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机联合收割机驾驶证期满换证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20039003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机联合收割机驾驶证记载事项更正",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085600010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机驾驶证增加准驾机型申领",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085600007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "仅销售预包装食品的食品经营者备案",
          "sub_items": [
            {
              "name": "仅销售预包装食品经营者备案信息采集",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31138001-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "仅销售预包装食品经营者备案信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31138003-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "仅销售预包装食品经营者备案注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z31138005-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "设立演出场所经营单位备案",
          "sub_items": [
            {
              "name": "设立演出场所经营单位备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172800001-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "演出场所经营单位变更事项备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172800002-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "演出场所经营单位备案证明注销备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172800004-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "演出场所经营单位补证备案",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511Z0172800003-511602000000-000-115113016823646795-1-00&taskType=10&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "饮用水供水单位卫生许可",
          "sub_items": [
            {
              "name": "饮用水供水单位卫生许可延续（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013600009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "饮用水供水单位卫生许可变更（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013600013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "饮用水供水单位卫生许可证注销（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013600011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "饮用水供水单位卫生许可新办审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013600012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "饮用水供水单位卫生许可证遗失补办（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013600010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "计量标准器具核准",
          "sub_items": [
            {
              "name": "计量标准器具核准证书补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041000007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "计量标准封存或撤销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041000005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "计量标准器具核准新建",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041000003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "计量标准变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041000004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "计量标准器具核准证书变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041000006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "计量标准器具核准复查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0041000002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "食品（含保健食品）经营许可",
          "sub_items": [
            {
              "name": "食品(含保健食品)经营许可变更主体业态",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可变更经营项目",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可变更经营场所（同址变更）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可变更法定代表人（负责人）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可延续",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可变更经营者名称",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可变更住所",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食品(含保健食品)经营许可核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0005200004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "放射源诊疗技术和医用辐射机构许可",
          "sub_items": [
            {
              "name": "放射诊疗许可证遗失补办（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0004200014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "放射源诊疗技术和医用辐射机构许可新办审批（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0004200008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "放射源诊疗技术和医用辐射机构变更（即办件）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0004200011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "放射诊疗设备、放射诊疗项目、放射诊疗许可证注销（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301800011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "放射源诊疗技术和医用辐射机构变更（承诺件）（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301800023-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "举办健身气功活动及设立站点审批",
          "sub_items": [
            {
              "name": "举办健身气功活动审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022600003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "设立健身气功站点审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0022600004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "劳务派遣经营许可",
          "sub_items": [
            {
              "name": "劳务派遣经营单位名称、住所、法定代表人、注册资本等变更审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14003007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "劳务派遣经营许可注销(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14003002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "劳务派遣经营许可证延续审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14003006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "经营劳务派遣业务（含新增业务、新设公司、分立、合并）许可(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14003004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "动物防疫条件合格证核发",
          "sub_items": [
            {
              "name": "动物防疫条件合格证核发（动物饲养场、养殖小区和动物屠宰加工场）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085500005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "动物防疫条件合格证信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085500004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "动物防疫条件合格证核发（动物隔离场所、动物和动物产品无害化处理场）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085500006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "采集国家一级保护野生植物（农业类）审批",
          "sub_items": [
            {
              "name": "科考采集国家规定野生植物审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0089600004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "调控种群采集国家规定野生植物审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0089600006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "国事活动采集国家规定野生植物审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0089600005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "农作物种子、食用菌菌种生产经营许可证核发",
          "sub_items": [
            {
              "name": "实行选育生产经营相结合有效区域为全国的种子生产经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0088300004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "主要农作物杂交种子及其亲本种子生产经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0088300003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食用菌菌种生产经营许可证核发（母种和原种）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0087800004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "种子生产经营许可变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0087700004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "主要农作物常规种子或非主要农作物种子生产经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0087700003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "食用菌菌种生产经营许可证核发（栽培种）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0087800003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "取水许可",
          "sub_items": [
            {
              "name": "取水许可证新办审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0079400004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "取水申请批准文件",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0079400007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "取水许可证延续审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0079400005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "取水许可证变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0079400006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "动物诊疗许可证核发",
          "sub_items": [
            {
              "name": "动物诊疗许可证信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085400004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "动物诊疗许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0085400003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "公证员执业、变更许可",
          "sub_items": [
            {
              "name": "公证员执业变更许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0080700004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公证员免职许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0080700007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公证员执业证补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A12002009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公证员执业许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0080700003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "公证员执业证换发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A12002008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "护士执业注册",
          "sub_items": [
            {
              "name": "护士执业注销注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012600009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "护士变更执业注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012600008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "护士执业证书遗失补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012600010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "护士新办执业注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012600006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "护士延续执业注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0012600007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "洪水影响评价审批",
          "sub_items": [
            {
              "name": "水工程洪水影响评价审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017500006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "行洪论证与河势稳定评价审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017500008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "种畜禽生产经营许可",
          "sub_items": [
            {
              "name": "种畜禽生产经营许可证信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090800010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "家畜人工授精站生产经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090800014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "家禽孵化场生产经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090800013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "二级扩繁场种畜禽生产经营许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0090800012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "兽药经营许可证核发",
          "sub_items": [
            {
              "name": "兽药经营许可证信息变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0091400005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "兽药经营许可证核发（普通兽药）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0091400006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "医师执业注册",
          "sub_items": [
            {
              "name": "医师执业证书变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0011900008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医师执业注销注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0011900012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医师执业证书遗失补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0011900013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "医师新办执业注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0011900011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "民办职业培训学校设立、分立、合并、变更及终止审批",
          "sub_items": [
            {
              "name": "民办职业培训学校分立、合并审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14005009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办职业培训学校终止审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14005008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办职业培训学校办学许可证延续审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14005007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办职业培训学校设立审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14005010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "民办职业培训学校名称、地址、层次、类别、举办者（负责人）等变更审批(县级)",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A14005006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "拖拉机/联合收割机登记",
          "sub_items": [
            {
              "name": "拖拉机/联合收割机变更登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机转入",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20038003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机注销登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机抵押登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机登记事项更正",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20038004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机注销抵押登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A20038002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机转移登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机注册登记",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机联合收割机临时号牌核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "拖拉机/联合收割机补领、换领牌证",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086800011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "从事生活垃圾（含粪便）经营性清扫、收集、运输、处理服务审批",
          "sub_items": [
            {
              "name": "城乡生活垃圾经营性处置许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0302700000-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "城乡生活垃圾经营性清扫、收集、运输许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0302800001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "互联网上网服务营业场所经营单位设立审批",
          "sub_items": [
            {
              "name": "内资设立互联网上网服务营业场所筹建审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22002009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "互联网上网服务营业场所经营单位补证审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22002010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "内资设立互联网上网服务营业场所经营活动终审审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22002008-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "互联网上网服务营业场所经营单位变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200200001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "互联网上网服务营业场所经营单位变更营业场所地址、改建、扩建终审审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22002014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "内资设立互联网上网服务营业场所经营单位变更营业场所地址、改建、扩建筹建审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22002012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "互联网上网服务营业场所经营单位注销审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A22002011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "渔业捕捞许可审批",
          "sub_items": [
            {
              "name": "渔业捕捞许可证变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086400005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "渔业捕捞许可审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0086400004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "乡村医生执业注册",
          "sub_items": [
            {
              "name": "乡村医生执业注销",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015900007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "乡村医生执业再注册",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015900005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "乡村医生执业变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0015900006-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "乡村医生执业证遗失补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A23003001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "歌舞娱乐场所《娱乐经营许可证》核发及改扩建审批（含中外合资）",
          "sub_items": [
            {
              "name": "设立歌舞娱乐场所《娱乐经营许可证》核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500010-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "歌舞娱乐场所改建、扩建营业场所、变更场地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500015-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "出版物零售单位和个体工商户设立、变更审批",
          "sub_items": [
            {
              "name": "出版物零售单位和个体工商户变更审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0000800002-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "出版物零售单位和个体工商户设立审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0000800001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "母婴保健技术服务机构执业许可",
          "sub_items": [
            {
              "name": "母婴保健技术服务机构执业许可变更（婚前医学检查）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301900005-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务执业许可注销（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0008600013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务执业许可注销（婚前医学检查）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301900001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务机构执业许可遗失补办（婚前医学检查）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301900007-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务机构执业许可变更（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0008600012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务执业首次申报（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0008600018-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务执业首次申报（婚前医学检查）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2301900009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "母婴保健技术服务机构执业许可遗失补办（县级）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0008600014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "不可移动文物修缮审批",
          "sub_items": [
            {
              "name": "县级文物保护单位修缮许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013400004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "对未核定为文物保护单位的不可移动文物修缮许可",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0013400001-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "游艺娱乐场所《娱乐经营许可证》核发及改扩建审批（含中外合资）",
          "sub_items": [
            {
              "name": "设立游艺娱乐场所《娱乐经营许可证》核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500011-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "游艺娱乐场所改建、扩建或变更场地审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A2200500016-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "娱乐场所变更审批（含中外合资）",
          "sub_items": [
            {
              "name": "娱乐场所变更投资人员审批（含中外合资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017200012-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "游艺娱乐场所变更游戏游艺设备审批(含中外合资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017200014-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "娱乐场所变更《娱乐经营许可证》载明事项审批（含中外合资）",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0017200013-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        },
        {
          "main_item": "除剧毒化学品、易制爆化学品外其他危险化学品（不含仓储经营）经营许可",
          "sub_items": [
            {
              "name": "除从事剧毒、易制爆、汽油加油站、专用危化品仓储的企业外，除中央企业所属省级、设区的市级公司（分公司）从事危险化学品经营活动的企业，不带有储存设施经营除剧毒化学品、易制爆危险化学品以外的其他危险化学品企业经营许可证变更审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0118400004-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "除从事剧毒、易制爆、汽油加油站、专用危化品仓储的企业外，除中央企业所属省级、设区的市级公司（分公司）从事危险化学品经营活动的企业，不带有储存设施经营除剧毒化学品、易制爆危险化学品以外的其他危险化学品企业经营许可证核发",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0118400003-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            },
            {
              "name": "除从事剧毒、易制爆、汽油加油站、专用危化品仓储的企业外，除中央企业所属省级、设区的市级公司（分公司）从事危险化学品经营活动的企业，不带有储存设施经营除剧毒化学品、易制爆危险化学品以外的其他危险化学品企业经营许可证换证审查",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0118400009-511602000000-000-115113016823646795-1-00&taskType=1&deptCode=68236467-9",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区烟草专卖局",
      "items": [
        {
          "main_item": "烟草专卖零售许可证核发",
          "sub_items": [
            {
              "name": "烟草专卖零售许可证补办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001004-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            },
            {
              "name": "烟草专卖零售许可证变更",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001003-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            },
            {
              "name": "烟草专卖零售许可证歇业",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001007-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            },
            {
              "name": "烟草专卖零售许可证新办",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001001-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            },
            {
              "name": "烟草专卖零售许可证恢复营业",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001005-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            },
            {
              "name": "烟草专卖零售许可证延续",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001002-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            },
            {
              "name": "烟草专卖零售许可证停业",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A62001006-511602000000-000-TE5116020105116050-1-00&taskType=1&deptCode=71181655-9",
              "qrcode": ""
            }
          ]
        }
      ]
    },
    {
      "department": "区委统战部",
      "items": [
        {
          "main_item": "未分类",
          "sub_items": [
            {
              "name": "宗教团体、宗教院校、宗教活动场所接受境外组织和个人捐赠审批",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=511A0126800000-511602000000-000-76726532-X-1-00&taskType=1&deptCode=76726532-X",
              "qrcode": ""
            },
            {
              "name": "民族团结进步表彰活动",
              "link": "http://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?areaCode=511602000000&itemCode=H-000507-001-511602000000-000-1151130176726532XP-1-00&taskType=8&deptCode=76726532-X",
              "qrcode": ""
            }
          ]
        }
      ]
    }
  ];